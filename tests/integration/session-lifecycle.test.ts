import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
});
afterAll(() => server.close());

describe("an infusion session from start to discharge", () => {
  it("computes the total dose and starts in pre-infusion", async () => {
    const id = await startSession(nurse, { weightKg: 83.4, doseMgPerKg: 0.5 });
    const { status, body } = await nurse.get(`/api/sessions/${id}`);
    expect(status).toBe(200);
    expect(body.session).toMatchObject({ phase: "pre_infusion", totalDoseMg: 41.7, chair: "4", seq: 0 });
    expect(body.patient.fullName).toBe("Test Patient");
  });

  it("moves through the phases, stamps infusion start and stop, and refuses skips with the allowed ones", async () => {
    const id = await startSession(nurse);
    const skip = await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: "invalid_transition", allowed: ["infusing"] });

    const baseline = await nurse.post(`/api/sessions/${id}/vitals`, vitals());
    expect(baseline.status).toBe(201);
    expect(baseline.body.reading).toMatchObject({ sbp: 124, dbp: 78, map: 93, source: "manual" });
    expect(baseline.body.reading.recordedBy.displayName).toBe("Nurse Alex Morgan");

    const infusing = await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    expect(infusing.status).toBe(200);
    // baseline: reading (1); phase change (2)
    expect(infusing.body.seq).toBe(2);
    expect(infusing.body.infusionStartedAt).not.toBeNull();
    const recovery = await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    expect(recovery.body).toMatchObject({ phase: "recovery" });
    expect(recovery.body.infusionStoppedAt).not.toBeNull();

    const viaPhase = await nurse.post(`/api/sessions/${id}/phase`, { to: "discharged" });
    expect(viaPhase.status).toBe(409);
    expect(viaPhase.body.error.message).toMatch(/signature/);
  });

  it("records observations including a MOAA/S check", async () => {
    const id = await startSession(nurse);
    const obs = await nurse.post(`/api/sessions/${id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      type: "dissociation",
      severity: "moderate",
    });
    expect(obs.status).toBe(201);
    expect(obs.body.alerts).toEqual([]);
    const sedation = await nurse.post(`/api/sessions/${id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      type: "sedation",
      moaas: 4,
    });
    expect(sedation.status).toBe(201);
    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.observations.map((o: { type: string }) => o.type)).toEqual([
      "dissociation",
      "sedation",
    ]);
  });

  it("lists active sessions as station tiles with the latest reading", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 88 }));
    const monitor = {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      source: "monitor",
      hr: 91,
      spo2: 97,
    };
    await nurse.post(`/api/sessions/${id}/vitals`, monitor);
    const { body } = await physician.get("/api/sessions");
    const tile = body.find((s: { session: { id: string } }) => s.session.id === id);
    expect(tile.latestVitals).toMatchObject({ hr: 91, sbp: null });
    expect(tile.latestValues.hr.value).toBe(91);
    expect(tile.latestValues.sbp.value).toBe(124);
    expect(tile.latestValues.map.value).toBe(93);
    expect(tile.latestValues.rr.value).toBe(14);
    expect(tile.worstOpenPriority).toBeNull();
  });
});
