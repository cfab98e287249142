import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUser } from "../../server/demo/accounts.ts";
import { apiClient, connectSocket, nextEvent } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

// The server's clock is the test's: timers fire when the test moves time and asks.
let clock = Date.parse("2026-11-22T09:00:00Z");
const at = (offsetSeconds = 0) => new Date(clock + offsetSeconds * 1000).toISOString();
const advance = (seconds: number) => {
  clock += seconds * 1000;
};

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = apiClient(server.url, await server.login("physician"));
});
afterAll(() => server.close());

const reading = (values: Record<string, unknown>, source = "manual") => ({
  id: crypto.randomUUID(),
  observedAt: at(),
  source,
  ...values,
});

async function infusingSession() {
  const id = await startSession(nurse);
  await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 120, dbp: 80 }));
  await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
  return id;
}

describe("the alert engine in the live server", () => {
  it("escalates an unacknowledged high alert after 60 s to every physician, on any page", async () => {
    await ensureUser(server.server.ctx.db, {
      username: "physician2",
      password: "second-physician",
      displayName: "Dr. Ana Second",
      role: "physician",
    });
    const cookie = (await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "physician2", password: "second-physician" }),
    }).then((r) => r.headers.get("set-cookie")))!.split(";")[0]!;
    // The second physician joins no room at all.
    const elsewhere = await connectSocket(server.url, cookie);

    const id = await infusingSession();
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 210, dbp: 95 }));
    expect(raised.body.alerts[0]).toMatchObject({ parameter: "sbp", priority: "high" });

    advance(59);
    await server.server.timers.runDue();
    let detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.alerts[0].escalatedAt).toBeNull();

    const escalation = nextEvent(
      elsewhere,
      "alert:changed",
      (e) => e.sessionId === id && e.change === "escalated",
    );
    advance(1);
    expect(await server.server.timers.runDue()).toBeGreaterThan(0);
    const event = await escalation;
    expect(event.alert).toMatchObject({ parameter: "sbp", priority: "high", escalatedAt: at() });
    detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.alerts[0].escalatedAt).toBe(at());
    elsewhere.close();
  });

  it("does not escalate an acknowledged alert", async () => {
    const id = await infusingSession();
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, reading({ hr: 145 }));
    await physician.post(`/api/alerts/${raised.body.alerts[0].id}/acknowledge`, {});
    advance(120);
    await server.server.timers.runDue();
    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.alerts[0]).toMatchObject({ escalatedAt: null, status: "open" });
  });

  it("raises an overdue BP as low at 12 min and medium at 15 min of infusion, and clears it with a BP", async () => {
    const id = await infusingSession();
    advance(12 * 60 - 1);
    await server.server.timers.runDue();
    expect((await physician.get(`/api/sessions/${id}`)).body.alerts).toEqual([]);
    advance(1);
    await server.server.timers.runDue();
    let alerts = (await physician.get(`/api/sessions/${id}`)).body.alerts;
    expect(alerts[0]).toMatchObject({ parameter: "overdue", priority: "low", status: "open" });
    advance(3 * 60);
    await server.server.timers.runDue();
    alerts = (await physician.get(`/api/sessions/${id}`)).body.alerts;
    expect(alerts[0]).toMatchObject({ parameter: "overdue", priority: "medium" });
    // The timer's changes are audited like any write, by "system".
    const trail: { action: string; actorName: string; after: { parameter?: string } }[] = (
      await physician.get(`/api/sessions/${id}/audit`)
    ).body;
    const timerRows = trail.filter((e) => e.action.startsWith("alert:") && e.after.parameter === "overdue");
    expect(timerRows.map((e) => [e.action, e.actorName])).toEqual([
      ["alert:raised", "system"],
      ["alert:upgraded", "system"],
    ]);
    const bp = await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 125, dbp: 80 }));
    expect(bp.body.alerts).toContainEqual(
      expect.objectContaining({ parameter: "overdue", status: "cleared" }),
    );
  });

  it("waits 15 s of monitor SpO2 below the limit before raising", async () => {
    const id = await infusingSession();
    for (const offset of [0, 5, 10]) {
      const res = await nurse.post(
        `/api/sessions/${id}/vitals`,
        reading({ spo2: 86, observedAt: at(offset) }, "monitor"),
      );
      expect(res.body.alerts).toEqual([]);
    }
    advance(15);
    const confirmed = await nurse.post(`/api/sessions/${id}/vitals`, reading({ spo2: 86 }, "monitor"));
    expect(confirmed.body.alerts[0]).toMatchObject({ parameter: "spo2", priority: "high" });
  });

  it("uses a baseline-relative limit once the infusion starts, and exposes the context to the form", async () => {
    const id = await startSession(nurse);
    for (const sbp of [110, 112, 114])
      await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp, dbp: 70 }));
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    const context = await nurse.get(`/api/sessions/${id}/alert-context`);
    expect(context.body.state.baseline.sbp).toBe(112);
    expect(context.body.profile.name).toBe("IV ketamine 0.5 mg/kg over 40 min");
    const rise = await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 152, dbp: 80 }));
    expect(rise.body.alerts[0]).toMatchObject({ parameter: "sbp", priority: "medium" });
  });
});

describe("threshold profiles", () => {
  it("lets an admin change the clinic default with a reason, keeps history, and refuses others", async () => {
    const admin = apiClient(server.url, await server.login("admin"));
    const current = (await admin.get("/api/profiles/clinic")).body;
    expect(current.isBuiltInDefault).toBe(true);
    const stricter = structuredClone(current.current);
    stricter.vitals.hr.levels = [{ op: ">=", value: 110, priority: "medium" }];
    expect((await nurse.post("/api/profiles/clinic", { profile: stricter, reason: "x" })).status).toBe(403);
    const noReason = await admin.post("/api/profiles/clinic", { profile: stricter });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe("reason");
    const bad = structuredClone(stricter);
    bad.vitals.hr.levels[0].op = "~";
    const invalid = await admin.post("/api/profiles/clinic", { profile: bad, reason: "typo" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues[0].path).toBe("profile.vitals.hr.levels.0.op");

    const saved = await admin.post("/api/profiles/clinic", {
      profile: stricter,
      reason: "Cardiology advice",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ isBuiltInDefault: false });
    expect(saved.body.history[0]).toMatchObject({
      reason: "Cardiology advice",
      changedBy: { role: "admin" },
    });

    const id = await startSession(nurse);
    const res = await nurse.post(`/api/sessions/${id}/vitals`, reading({ hr: 112 }));
    expect(res.body.alerts[0]).toMatchObject({ parameter: "hr", priority: "medium" });

    await admin.post("/api/profiles/clinic", { profile: current.current, reason: "Back to the default" });
    expect((await admin.get("/api/profiles/clinic")).body.history).toHaveLength(2);
  });

  it("lets the supervising physician override one session's profile, with a reason", async () => {
    const id = await startSession(nurse);
    const { body } = await physician.get(`/api/sessions/${id}/profile`);
    expect(body.override).toBeNull();
    const custom = structuredClone(body.effective);
    custom.vitals.sbp.levels.push({ op: ">=", value: 150, priority: "medium" });
    expect((await nurse.post(`/api/sessions/${id}/profile`, { profile: custom, reason: "r" })).status).toBe(
      403,
    );
    const saved = await physician.post(`/api/sessions/${id}/profile`, {
      profile: custom,
      reason: "Known hypertensive",
    });
    expect(saved.body.override).toMatchObject({ reason: "Known hypertensive", scope: "session" });
    const res = await nurse.post(`/api/sessions/${id}/vitals`, reading({ sbp: 152, dbp: 80 }));
    expect(res.body.alerts[0]).toMatchObject({ parameter: "sbp", priority: "medium" });
  });
});
