import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathFor } from "../../shared/api/endpoint.ts";
import { endpoints } from "../../shared/api/endpoints.ts";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let admin: ReturnType<typeof apiClient>;
let nurse: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  admin = apiClient(server.url, await server.login("admin"));
  nurse = apiClient(server.url, await server.login("nurse"));
});
afterAll(() => server.close());

/** A JSON client that authenticates with an API key instead of a cookie. */
function device(secret: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape.
    return { status: res.status, body: (await res.json()) as any };
  };
}

const ingestPath = (chair: string) => pathFor(endpoints.ingestVitals.path, { chair });
const monitorReading = (values: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  observedAt: new Date().toISOString(),
  source: "monitor",
  hr: 72,
  spo2: 98,
  ...values,
});

async function newKey(label: string): Promise<{ id: string; secret: string }> {
  const res = await admin.post("/api/admin/api-keys", { label });
  expect(res.status).toBe(201);
  return { id: res.body.apiKey.id, secret: res.body.secret };
}

describe("API keys", () => {
  it("shows the secret once, lists keys without it, and names a device actor", async () => {
    const created = await admin.post("/api/admin/api-keys", { label: "Bay A gateway" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^vgl_[A-Za-z0-9_-]{40,}$/);
    expect(created.body.apiKey).toMatchObject({
      label: "Bay A gateway",
      scope: "ingest",
      revokedAt: null,
      device: { displayName: "Device: Bay A gateway", role: "device" },
      createdBy: { role: "admin" },
    });
    const list = await admin.get("/api/admin/api-keys");
    expect(list.status).toBe(200);
    expect(list.body.map((k: { id: string }) => k.id)).toContain(created.body.apiKey.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(JSON.stringify(list.body)).not.toMatch(/vgl_|hash/);
  });

  it("refuses a revoked key with 401", async () => {
    const key = await newKey("Revoked gateway");
    await startSession(nurse, { chair: "K1" });
    expect((await device(key.secret)("POST", ingestPath("K1"), monitorReading())).status).toBe(201);
    const revoked = await admin.post(`/api/admin/api-keys/${key.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await device(key.secret)("POST", ingestPath("K1"), monitorReading());
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/unknown or revoked/);
    expect((await admin.post(`/api/admin/api-keys/${crypto.randomUUID()}/revoke`)).status).toBe(404);
  });

  it("opens no endpoint but ingest: every other route answers 401 or 403 to a key", async () => {
    const { secret } = await newKey("Nosy gateway");
    const id = await startSession(nurse, { chair: "K2" });
    const call = device(secret);
    for (const [name, endpoint] of Object.entries(endpoints)) {
      if (name === "ingestVitals" || endpoint.roles === null) continue;
      const path = pathFor(endpoint.path, { id });
      const res = await call(
        endpoint.method.toUpperCase(),
        path,
        endpoint.method === "post" ? {} : undefined,
      );
      expect([401, 403], `${name} answered ${res.status}`).toContain(res.status);
    }
    expect((await call("POST", `/api/sessions/${id}/vitals`, vitals())).status).toBe(401);
  });

  it("cannot be created, listed or revoked by a nurse, and a device cannot log in", async () => {
    expect((await nurse.post("/api/admin/api-keys", { label: "x" })).status).toBe(403);
    expect((await nurse.get("/api/admin/api-keys")).status).toBe(403);
    const created = await admin.post("/api/admin/api-keys", { label: "Login attempt" });
    const username = `device:${created.body.apiKey.id}`;
    for (const password of ["", "!device-no-login", created.body.secret]) {
      const res = await apiClient(server.url).post("/api/auth/login", { username, password });
      expect(res.status).not.toBe(200);
    }
  });

  it("refuses a cookie on ingest and a malformed Authorization header", async () => {
    await startSession(nurse, { chair: "K3" });
    expect((await nurse.post(ingestPath("K3"), monitorReading())).status).toBe(401);
    const res = await fetch(`${server.url}${ingestPath("K3")}`, {
      method: "POST",
      headers: { authorization: "Basic abc", "content-type": "application/json" },
      body: JSON.stringify(monitorReading()),
    });
    expect(res.status).toBe(401);
  });
});

describe("ingest by chair", () => {
  it("answers 404 with a clear message when no active session sits in the chair", async () => {
    const { secret } = await newKey("Empty chair gateway");
    const res = await device(secret)("POST", ingestPath("Nobody"), monitorReading());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No active session in chair Nobody/);
  });

  it("answers 409 when two active sessions share the chair", async () => {
    const { secret } = await newKey("Crowded chair gateway");
    await startSession(nurse, { chair: "K4" });
    await startSession(nurse, { chair: "K4" });
    const res = await device(secret)("POST", ingestPath("K4"), monitorReading());
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/2 active sessions/);
  });

  it("stores the reading with the device actor, once, however often it is retried", async () => {
    const { secret } = await newKey("Chair 5 monitor");
    const id = await startSession(nurse, { chair: "K5" });
    const reading = monitorReading({ hr: 81, spo2: 96 });
    const first = await device(secret)("POST", ingestPath("K5"), reading);
    expect(first.status).toBe(201);
    expect(first.body.reading).toMatchObject({
      sessionId: id,
      source: "monitor",
      hr: 81,
      recordedBy: { displayName: "Device: Chair 5 monitor", role: "device" },
    });
    const retry = await device(secret)("POST", ingestPath("K5"), reading);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: false, reading: { id: reading.id } });
    const detail = await nurse.get(`/api/sessions/${id}`);
    expect(detail.body.vitals.filter((v: { id: string }) => v.id === reading.id)).toHaveLength(1);
  });

  it("validates the body like the nurse's form and refuses a manual source", async () => {
    const { secret } = await newKey("Strict gateway");
    await startSession(nurse, { chair: "K6" });
    const bad = await device(secret)("POST", ingestPath("K6"), monitorReading({ sbp: 90, dbp: 95 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ path: "sbp", message: "systolic must be above diastolic" }]);
    const manual = await device(secret)("POST", ingestPath("K6"), monitorReading({ source: "manual" }));
    expect(manual.status).toBe(400);
    expect(manual.body.error.issues[0].path).toBe("source");
  });
});
