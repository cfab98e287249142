import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer();
  nurse = apiClient(server.url, await server.login("nurse"));
  sessionId = await startSession(nurse);
});
afterAll(() => server.close());

async function readingCount() {
  const { body } = await nurse.get(`/api/sessions/${sessionId}`);
  return body.vitals.length as number;
}

describe("bad input gets a 4xx naming the field, and nothing is stored", () => {
  it.each([
    [{ sbp: 301 }, "sbp", "must be an integer between 20 and 300"],
    [{ sbp: 120.5 }, "sbp", "must be an integer between 20 and 300"],
    [{ sbp: 80, dbp: 90 }, "sbp", "systolic must be above diastolic"],
    [{ spo2: 101 }, "spo2", "must be an integer between 40 and 100"],
    [{ hr: "fast" }, "hr", "must be an integer between 20 and 300"],
    [{ id: "not-a-uuid" }, "id", "must be a UUID"],
    [{ observedAt: "yesterday" }, "observedAt", "must be an ISO 8601 date-time"],
    [{ temperature: 37 }, "temperature", "is not a known field"],
  ])("vitals %j -> %s: %s", async (override, path, message) => {
    const before = await readingCount();
    const res = await nurse.post(`/api/sessions/${sessionId}/vitals`, vitals(override));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const issue = res.body.error.issues.find((i: { path: string }) => i.path === path);
    expect(issue?.message ?? "").toContain(message);
    expect(await readingCount()).toBe(before);
  });

  it("refuses a BP with only one of systolic and diastolic", async () => {
    const res = await nurse.post(`/api/sessions/${sessionId}/vitals`, vitals({ dbp: undefined }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toContainEqual({
      path: "dbp",
      message: "systolic and diastolic must be entered together",
    });
  });

  it("refuses a reading from the future", async () => {
    const res = await nurse.post(
      `/api/sessions/${sessionId}/vitals`,
      vitals({ observedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toEqual({ path: "observedAt", message: "is in the future" });
  });

  it("refuses malformed JSON and non-object bodies with 400, oversized bodies with 413", async () => {
    const cookie = await server.login("nurse");
    const raw = (body: string) =>
      fetch(`${server.url}/api/sessions/${sessionId}/vitals`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body,
      });
    expect((await raw("{not json")).status).toBe(400);
    expect((await raw("[1,2,3]")).status).toBe(400);
    expect((await raw(JSON.stringify({ note: "x".repeat(200_000) }))).status).toBe(413);
  });

  it("answers 404 for an unknown session and 400 for a malformed id", async () => {
    expect((await nurse.get(`/api/sessions/${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await nurse.get("/api/sessions/123");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("params.id");
  });

  it("explains an unknown API route", async () => {
    const res = await nurse.get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("/api/nothing-here");
  });
});

describe("idempotent create", () => {
  it("stores a retried reading once and answers 200 with the stored row", async () => {
    const reading = vitals({ hr: 77 });
    const first = await nurse.post(`/api/sessions/${sessionId}/vitals`, reading);
    const retry = await nurse.post(`/api/sessions/${sessionId}/vitals`, reading);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: false, reading: { id: reading.id, hr: 77 } });
    const { body } = await nurse.get(`/api/sessions/${sessionId}`);
    expect(body.vitals.filter((v: { id: string }) => v.id === reading.id)).toHaveLength(1);
  });

  it("refuses an id already used by another session", async () => {
    const other = await startSession(nurse);
    const reading = vitals();
    await nurse.post(`/api/sessions/${sessionId}/vitals`, reading);
    const res = await nurse.post(`/api/sessions/${other}/vitals`, reading);
    expect(res.status).toBe(409);
  });

  it("stores concurrent retries of one observation once", async () => {
    const obs = {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      type: "nausea",
      severity: "mild",
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => nurse.post(`/api/sessions/${sessionId}/observations`, obs)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const { body } = await nurse.get(`/api/sessions/${sessionId}`);
    expect(body.observations.filter((o: { id: string }) => o.id === obs.id)).toHaveLength(1);
  });
});
