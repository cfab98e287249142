import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, connectSocket, nextEvent } from "../support/api.ts";
import { fhirErrors, fhirValidator } from "../support/fhir-schema.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let clock = Date.parse("2026-11-22T09:00:00Z");
const now = () => new Date(clock).toISOString();
const advanceMin = (minutes: number) => {
  clock += minutes * 60_000;
};

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // compiling the FHIR schema blocks for seconds: before any keep-alive connection exists
  fhirValidator();
  server = await startTestServer({ now: () => new Date(clock) });
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
  admin = apiClient(server.url, await server.login("admin"));
}, 60_000);
afterAll(() => server.close());

const reading = (values: Record<string, number>) => ({
  id: crypto.randomUUID(),
  observedAt: now(),
  ...values,
});
const post = (id: string, values: Record<string, number>) =>
  nurse.post(`/api/sessions/${id}/vitals`, reading(values));
const amendReading = (readingId: string, body: unknown, client = nurse) =>
  client.post(`/api/readings/${readingId}/entered-in-error`, body);

async function infusing() {
  const id = await startSession(nurse);
  await post(id, { sbp: 120, dbp: 80, hr: 70 });
  await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
  advanceMin(1);
  return id;
}

describe("a reading entered in error", () => {
  it("keeps the original with reason, who and when, and stores the correction as a new row that supersedes it", async () => {
    const id = await infusing();
    const wrong = await post(id, { sbp: 210, dbp: 95, hr: 72 });
    advanceMin(1);
    const correction = reading({ sbp: 120, dbp: 95, hr: 72 });
    const socket = await connectSocket(server.url, await server.login("physician"));
    expect(await socket.emitWithAck("session:join", id)).toEqual({ ok: true });
    const pushed = nextEvent(socket, "vitals:recorded", (e) => e.reading.id === correction.id);
    const res = await amendReading(wrong.body.reading.id, { reason: "Typo: 210 for 120", correction });
    expect(res.status).toBe(200);
    expect(res.body.original).toMatchObject({
      id: wrong.body.reading.id,
      sbp: 210,
      status: "entered_in_error",
      enteredInError: {
        reason: "Typo: 210 for 120",
        by: { role: "nurse" },
        at: now(),
        supersededBy: correction.id,
      },
    });
    expect(res.body.correction).toMatchObject({
      id: correction.id,
      sbp: 120,
      status: "final",
      supersedes: wrong.body.reading.id,
    });
    expect((await pushed).reading.supersedes).toBe(wrong.body.reading.id);
    socket.close();

    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.vitals.map((r: { sbp: number; status: string }) => [r.sbp, r.status])).toEqual([
      [120, "final"],
      [210, "entered_in_error"],
      [120, "final"],
    ]);
    // the alert the error raised is not re-evaluated: it stays for the physician to acknowledge
    expect(detail.body.alerts.find((a: { parameter: string }) => a.parameter === "sbp")).toMatchObject({
      status: "open",
    });
  });

  it("is refused twice, without a reason, with an invalid correction, for admins and for unknown readings", async () => {
    const id = await infusing();
    const r = await post(id, { hr: 80 });
    const noReason = await amendReading(r.body.reading.id, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0]).toEqual({
      path: "reason",
      message: "is required: say why the entry is in error",
    });
    expect((await amendReading(r.body.reading.id, { reason: "   " })).status).toBe(400);
    const badCorrection = await amendReading(r.body.reading.id, {
      reason: "swapped",
      correction: reading({ sbp: 70, dbp: 90 }),
    });
    expect(badCorrection.status).toBe(400);
    expect(badCorrection.body.error.issues[0].path).toBe("correction.sbp");
    expect((await amendReading(r.body.reading.id, { reason: "x" }, admin)).status).toBe(403);
    expect((await amendReading(crypto.randomUUID(), { reason: "x" })).status).toBe(404);
    expect((await amendReading(r.body.reading.id, { reason: "wrong chair" })).status).toBe(200);
    const twice = await amendReading(r.body.reading.id, { reason: "again" });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: "already_entered_in_error",
      message: "This reading is already entered in error.",
    });
  });

  it("is left out of the alert engine from then on: no confirmation by an amended reading", async () => {
    const id = await infusing();
    const wrong = await post(id, { sbp: 185, dbp: 90 });
    expect(wrong.body.alerts[0]).toMatchObject({ parameter: "sbp", priority: "medium" });
    await amendReading(wrong.body.reading.id, { reason: "cuff on the wrong arm, repeated" });
    advanceMin(2);
    // ≥ 180 twice within 10 min would be high; the amended one no longer counts
    const next = await post(id, { sbp: 182, dbp: 90 });
    expect(next.body.alerts).toEqual([]);
    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.alerts.filter((a: { parameter: string }) => a.parameter === "sbp")).toEqual([
      expect.objectContaining({ priority: "medium" }),
    ]);
    // the station tile shows the newest valid value
    await amendReading(next.body.reading.id, { reason: "duplicate" });
    const tiles = await nurse.get("/api/sessions");
    const tile = tiles.body.find((s: { session: { id: string } }) => s.session.id === id);
    expect(tile.latestValues.sbp.value).toBe(120);
  });

  it("takes a pre-infusion reading out of the baseline", async () => {
    const id = await startSession(nurse);
    await post(id, { sbp: 120, dbp: 80 });
    const wrong = await post(id, { sbp: 200, dbp: 100 });
    await amendReading(wrong.body.reading.id, { reason: "another patient's values" });
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    const context = await physician.get(`/api/sessions/${id}/alert-context`);
    expect(context.body.state.baseline).toMatchObject({ sbp: 120, dbp: 80 });
  });

  it("is exported to FHIR with status entered-in-error, its correction as final", async () => {
    const id = await infusing();
    const wrong = await post(id, { hr: 140 });
    await amendReading(wrong.body.reading.id, { reason: "motion artefact", correction: reading({ hr: 74 }) });
    const bundle = (await physician.get(`/api/sessions/${id}/fhir`)).body;
    expect(fhirErrors(bundle)).toEqual([]);
    const hr = bundle.entry
      .map((e: { resource: Record<string, unknown> }) => e.resource)
      .filter((r: { code?: { coding: { code: string }[] } }) => r.code?.coding[0]?.code === "8867-4");
    expect(
      hr.map((r: { status: string; valueQuantity: { value: number } }) => [r.valueQuantity.value, r.status]),
    ).toEqual([
      [70, "final"],
      [140, "entered-in-error"],
      [74, "final"],
    ]);
  });
});

describe("an observation entered in error", () => {
  it("keeps the original, supersedes it, and the discharge criteria use the correction", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    advanceMin(1);
    const check = await nurse.post(`/api/sessions/${id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: now(),
      type: "sedation",
      moaas: 3,
    });
    expect(check.body.alerts[0]).toMatchObject({ parameter: "moaas", priority: "medium" });
    const correction = { id: crypto.randomUUID(), observedAt: now(), type: "sedation", moaas: 5 };
    const res = await physician.post(`/api/observations/${check.body.observation.id}/entered-in-error`, {
      reason: "Charted for the wrong chair",
      correction,
    });
    expect(res.status).toBe(200);
    expect(res.body.original).toMatchObject({
      moaas: 3,
      status: "entered_in_error",
      enteredInError: { by: { role: "physician" } },
    });
    expect(res.body.correction).toMatchObject({
      id: correction.id,
      moaas: 5,
      supersedes: check.body.observation.id,
    });
    const readiness = (await nurse.get(`/api/sessions/${id}/discharge-readiness`)).body;
    expect(readiness.criteria.find((c: { id: string }) => c.id === "moaas")).toMatchObject({ met: true });
    const twice = await nurse.post(`/api/observations/${check.body.observation.id}/entered-in-error`, {
      reason: "x",
    });
    expect(twice.status).toBe(409);
    expect(
      (await nurse.post(`/api/observations/${crypto.randomUUID()}/entered-in-error`, { reason: "x" })).status,
    ).toBe(404);
  });
});
