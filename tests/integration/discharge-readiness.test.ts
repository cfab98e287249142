import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, connectSocket, nextEvent } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

// The server's clock is the test's: the observation time passes when the test moves it.
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
  server = await startTestServer({ now: () => new Date(clock) });
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
  admin = apiClient(server.url, await server.login("admin"));
});
afterAll(() => server.close());

const vitalSet = (values: Record<string, number> = {}) => ({
  id: crypto.randomUUID(),
  observedAt: now(),
  sbp: 125,
  dbp: 80,
  hr: 70,
  spo2: 98,
  rr: 14,
  ...values,
});
const moaas = (level: number) => ({
  id: crypto.randomUUID(),
  observedAt: now(),
  type: "sedation",
  moaas: level,
});
const allTicked = {
  oriented: true,
  steadyGait: true,
  nauseaControlled: true,
  painControlled: true,
  escortPresent: true,
  noDrivingAdvised: true,
};

/** Baseline 125/80, HR 70; a 40-min infusion; two recovery vital sets, MOAA/S 5, checklist ticked; 29 min after the stop. */
async function almostReady(last: Record<string, number> = {}, level = 5) {
  const id = await startSession(nurse);
  await nurse.post(`/api/sessions/${id}/vitals`, vitalSet());
  await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
  advanceMin(40);
  await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
  advanceMin(10);
  await nurse.post(`/api/sessions/${id}/vitals`, vitalSet());
  advanceMin(10);
  await nurse.post(`/api/sessions/${id}/vitals`, vitalSet(last));
  advanceMin(5);
  await nurse.post(`/api/sessions/${id}/observations`, moaas(level));
  expect((await nurse.post(`/api/sessions/${id}/discharge-checklist`, { items: allTicked })).status).toBe(
    200,
  );
  advanceMin(4);
  return id;
}

const readiness = async (id: string) => (await physician.get(`/api/sessions/${id}/discharge-readiness`)).body;
type CriterionView = { id: string; label: string; met: boolean; reason: string };
const criterion = (r: { criteria: CriterionView[] }, cid: string): CriterionView => {
  const found = r.criteria.find((c) => c.id === cid);
  if (!found) throw new Error(`no criterion ${cid}`);
  return found;
};
const unmetIds = (r: { unmet: { id: string }[] }) => r.unmet.map((c) => c.id);
const sign = (id: string, extra: Record<string, unknown> = {}) =>
  physician.post(`/api/sessions/${id}/discharge`, {
    password: "physician-demo",
    meaningAccepted: true,
    ...extra,
  });

describe("discharge criteria on the stored record", () => {
  it("needs 30 min after the stop: 29 is not enough, 30 is; the session detail carries the same", async () => {
    const id = await almostReady();
    let r = await readiness(id);
    expect(unmetIds(r)).toEqual(["observation_time"]);
    expect(criterion(r, "observation_time").reason).toMatch(/29 min since the infusion stopped; 30 required/);
    advanceMin(1);
    r = await readiness(id);
    expect(r).toMatchObject({ ready: true, unmet: [], padss: { total: 10, met: true } });
    expect(r.baseline).toEqual({ sbp: 125, dbp: 80, hr: 70 });
    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.dischargeReadiness).toMatchObject({ ready: true, evaluatedAt: now() });
  });

  it.each([
    [{ sbp: 150 }, true, "SBP 150 vs 125 (20.0 %)"],
    [{ sbp: 151 }, false, "SBP 151 vs 125 (20.8 %)"],
    [{ hr: 84 }, true, "HR 84 vs 70 (20.0 %)"],
    [{ hr: 85 }, false, "HR 85 vs 70 (21.4 %)"],
  ])("compares the last BP and HR with the engine's baseline: %j met %s", async (last, met, text) => {
    const id = await almostReady(last);
    advanceMin(1);
    const c = criterion(await readiness(id), "vitals_near_baseline");
    expect(c.met).toBe(met);
    expect(c.reason).toContain(text);
  });

  it.each([
    [92, false],
    [93, true],
  ])("SpO2 %s: met %s", async (spo2, met) => {
    const id = await almostReady({ spo2 });
    advanceMin(1);
    expect(criterion(await readiness(id), "spo2")).toMatchObject({ met, reason: `Last SpO2 ${spo2} %` });
  });

  it.each([
    [4, false],
    [5, true],
  ])("latest MOAA/S %s: met %s", async (level, met) => {
    const id = await almostReady({}, level);
    advanceMin(1);
    expect(criterion(await readiness(id), "moaas")).toMatchObject({ met, reason: `Latest MOAA/S ${level}` });
  });

  it("counts recovery vital sets: one is not enough", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitalSet());
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    advanceMin(40);
    await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    advanceMin(5);
    await nurse.post(`/api/sessions/${id}/vitals`, vitalSet());
    await nurse.post(`/api/sessions/${id}/vitals`, { ...vitalSet(), sbp: undefined, dbp: undefined });
    const c = criterion(await readiness(id), "recovery_vital_sets");
    expect(c).toMatchObject({ met: false, reason: "1 vital set since the infusion stopped; 2 required" });
  });

  it("accepts an open low alert but not a medium one (overdue BP at 2 and 5 min past due)", async () => {
    const id = await almostReady();
    // last BP 9 min ago; in recovery the next is due 15 min after it: low at +17, medium at +20
    advanceMin(8);
    await server.server.timers.runDue();
    let r = await readiness(id);
    expect(criterion(r, "no_open_alerts")).toMatchObject({ met: true, reason: "1 low alert open" });
    advanceMin(3);
    await server.server.timers.runDue();
    r = await readiness(id);
    expect(criterion(r, "no_open_alerts")).toMatchObject({ met: false, reason: "Open: overdue (medium)" });
  });
});

describe("the nurse's checklist", () => {
  it("keeps every version with who and when and shows the latest; admins may not change it", async () => {
    const id = await startSession(nurse);
    const first = await nurse.post(`/api/sessions/${id}/discharge-checklist`, {
      items: { ...allTicked, steadyGait: false },
    });
    expect(first.body.checklist).toMatchObject({
      items: { steadyGait: false },
      updatedBy: { role: "nurse" },
    });
    expect(first.body.padss.items.find((i: { id: string }) => i.id === "activity").score).toBe(1);
    advanceMin(1);
    await physician.post(`/api/sessions/${id}/discharge-checklist`, { items: allTicked });
    const history = await nurse.get(`/api/sessions/${id}/discharge-checklist`);
    expect(history.body.current).toMatchObject({
      items: allTicked,
      updatedBy: { role: "physician" },
      updatedAt: now(),
    });
    expect(history.body.history.map((v: { recordedBy: { role: string } }) => v.recordedBy.role)).toEqual([
      "physician",
      "nurse",
    ]);
    expect((await admin.post(`/api/sessions/${id}/discharge-checklist`, { items: allTicked })).status).toBe(
      403,
    );
    const invalid = await nurse.post(`/api/sessions/${id}/discharge-checklist`, {
      items: { oriented: true },
    });
    expect(invalid.status).toBe(400);
  });
});

describe("signing the discharge", () => {
  it("refuses unmet criteria with 409 listing them, and signs with a written reason for each", async () => {
    const id = await almostReady({ sbp: 160 });
    const refused = await sign(id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("discharge_criteria_unmet");
    expect(refused.body.error.message).toMatch(/At least 30 min since the infusion stopped/);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "overrides.observation_time",
      "overrides.vitals_near_baseline",
    ]);
    const partial = await sign(id, {
      overrides: [{ criterionId: "observation_time", reason: "Ride waiting" }],
    });
    expect(partial.status).toBe(409);
    expect(partial.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "overrides.vitals_near_baseline",
    ]);
    const blank = await sign(id, { overrides: [{ criterionId: "observation_time", reason: "  " }] });
    expect(blank.status).toBe(400);
    expect((await physician.get(`/api/sessions/${id}`)).body.session.phase).toBe("recovery");

    const signed = await sign(id, {
      overrides: [
        { criterionId: "observation_time", reason: "29 min, stable throughout; escort waiting" },
        { criterionId: "vitals_near_baseline", reason: "SBP 160 is his usual clinic value" },
        { criterionId: "spo2", reason: "met anyway: not stored" },
      ],
    });
    expect(signed.status).toBe(200);
    expect(signed.body.discharge.overrides).toEqual([
      expect.objectContaining({
        criterionId: "observation_time",
        reason: "29 min, stable throughout; escort waiting",
      }),
      expect.objectContaining({
        criterionId: "vitals_near_baseline",
        unmetReason: expect.stringMatching(/SBP 160/),
      }),
    ]);
    expect(signed.body.discharge.readiness.unmet).toHaveLength(2);
    expect(signed.body.dischargeReadiness).toEqual(signed.body.discharge.readiness);
    expect(signed.body.discharge.signedAt).toBe(now());
  });

  it("refuses a PADSS below 9 unless overridden", async () => {
    const id = await almostReady();
    advanceMin(1);
    await nurse.post(`/api/sessions/${id}/discharge-checklist`, {
      items: { ...allTicked, painControlled: false, nauseaControlled: false },
    });
    const r = await readiness(id);
    expect(r.padss).toMatchObject({ total: 8, met: false });
    expect(unmetIds(r)).toEqual(["checklist_nauseaControlled", "checklist_painControlled", "padss"]);
    const refused = await sign(id);
    expect(refused.body.error.message).toMatch(/Modified PADSS at least 9 of 10 \(Score 8 of 10\)/);
    const overrides = unmetIds(r).map((criterionId) => ({
      criterionId,
      reason: "Oral antiemetic given; pain 2/10",
    }));
    expect((await sign(id, { overrides })).status).toBe(200);
  });

  it("lets only a physician sign, with the right password", async () => {
    const id = await almostReady();
    advanceMin(1);
    const byNurse = await nurse.post(`/api/sessions/${id}/discharge`, {
      password: "nurse-demo",
      meaningAccepted: true,
    });
    expect(byNurse.status).toBe(403);
    const wrong = await sign(id, { password: "physician-dem0" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toBe("password");
    expect((await sign(id)).status).toBe(200);
  });

  it("locks every write path after sign-off, but accepts addenda, broadcast to viewers", async () => {
    const id = await almostReady();
    const detail = await nurse.get(`/api/sessions/${id}`);
    const reading = detail.body.vitals[0];
    const observation = detail.body.observations[0];
    advanceMin(1);
    expect((await sign(id)).status).toBe(200);

    const writes = [
      nurse.post(`/api/sessions/${id}/vitals`, vitalSet()),
      nurse.post(`/api/sessions/${id}/observations`, moaas(5)),
      nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" }),
      nurse.post(`/api/sessions/${id}/discharge-checklist`, { items: allTicked }),
      nurse.post(`/api/readings/${reading.id}/entered-in-error`, { reason: "wrong patient" }),
      nurse.post(`/api/observations/${observation.id}/entered-in-error`, { reason: "wrong patient" }),
      sign(id),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("session_locked");
    }

    const socket = await connectSocket(server.url, await server.login("physician"));
    expect(await socket.emitWithAck("session:join", id)).toEqual({ ok: true });
    const pushed = nextEvent(socket, "session:updated", (e) => e.sessionId === id);
    const added = await nurse.post(`/api/sessions/${id}/addenda`, { text: "Patient phoned: home safely." });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      text: "Patient phoned: home safely.",
      author: { role: "nurse" },
      createdAt: now(),
    });
    await pushed;
    socket.close();
    expect((await nurse.post(`/api/sessions/${id}/addenda`, { text: " " })).status).toBe(400);
    expect((await admin.post(`/api/sessions/${id}/addenda`, { text: "note" })).status).toBe(403);
    const after = await admin.get(`/api/sessions/${id}`);
    expect(after.body.addenda.map((a: { text: string }) => a.text)).toEqual(["Patient phoned: home safely."]);
    expect(after.body.dischargeReadiness.ready).toBe(true);
  });
});
