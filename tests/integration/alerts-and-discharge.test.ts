import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, connectSocket, nextEvent, type TestSocket } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let nurse: ReturnType<typeof apiClient>;
let physician: ReturnType<typeof apiClient>;
let station: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  nurse = apiClient(server.url, await server.login("nurse"));
  const physicianCookie = await server.login("physician");
  physician = apiClient(server.url, physicianCookie);
  station = await connectSocket(server.url, physicianCookie);
  expect(await station.emitWithAck("station:join")).toEqual({ ok: true });
});
afterAll(async () => {
  station.close();
  await server.close();
});

describe("alerts", () => {
  it("raises a stored alert on a reading over the limit and pushes it to the station", async () => {
    const id = await startSession(nurse);
    const pushed = nextEvent(station, "alert:changed", (e) => e.sessionId === id);
    const res = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 205, dbp: 95 }));
    expect(res.body.alerts).toHaveLength(1);
    const event = await pushed;
    expect(event.alert).toMatchObject({ parameter: "sbp", priority: "high", status: "open", value: 205 });
    const detail = await physician.get(`/api/sessions/${id}`);
    expect(detail.body.alerts[0].id).toBe(event.alert.id);
  });

  it("keeps one open alert per parameter, upgrades it, and clears it when the value is back in range", async () => {
    const id = await startSession(nurse);
    const medium = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 125 }));
    expect(medium.body.alerts[0]).toMatchObject({ parameter: "hr", priority: "medium" });
    const again = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 126 }));
    expect(again.body.alerts).toEqual([]);
    const high = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 145 }));
    expect(high.body.alerts[0]).toMatchObject({ id: medium.body.alerts[0].id, priority: "high" });
    // A high alert latches: its condition is gone but it stays open until acknowledged.
    const latched = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 80 }));
    expect(latched.body.alerts[0]).toMatchObject({ status: "open", conditionPresent: false });
    const ack = await physician.post(`/api/alerts/${medium.body.alerts[0].id}/acknowledge`, {});
    expect(ack.body).toMatchObject({ status: "cleared", acknowledgedBy: { role: "physician" } });
  });

  it("stores who acknowledged and when, and shows it to every viewer", async () => {
    const id = await startSession(nurse);
    const nurseSocket = await connectSocket(server.url, await server.login("nurse"));
    expect(await nurseSocket.emitWithAck("session:join", id)).toEqual({ ok: true });
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ spo2: 86 }));
    const alertId = raised.body.alerts[0].id;
    const seen = nextEvent(
      nurseSocket,
      "alert:changed",
      (e) => e.alert.id === alertId && e.alert.acknowledgedAt !== null,
    );
    const ack = await physician.post(`/api/alerts/${alertId}/acknowledge`, { note: "Oxygen applied" });
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedBy.displayName).toBe("Dr. Sam Rivera");
    const event = await seen;
    expect(event.alert).toMatchObject({
      acknowledgementNote: "Oxygen applied",
      acknowledgedBy: { role: "physician" },
    });
    nurseSocket.close();
  });

  it("numbers each session's events in commit order", async () => {
    const id = await startSession(nurse);
    const seqs: number[] = [];
    const listener = (e: { sessionId: string; seq: number }) => {
      if (e.sessionId === id) seqs.push(e.seq);
    };
    station.on("vitals:recorded", listener);
    station.on("alert:changed", listener);
    const last = nextEvent(station, "alert:changed", (e) => e.sessionId === id && e.alert.parameter === "rr");
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ hr: 130 }));
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ rr: 7 }));
    await last;
    station.off("vitals:recorded", listener);
    station.off("alert:changed", listener);
    // hr 130: reading + raised; rr 7 (hr back to 72): reading + rr raised + hr cleared.
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("discharge", () => {
  async function sessionInRecovery() {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    await nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    return id;
  }

  it("refuses a wrong signature password and an unconfirmed meaning, and changes nothing", async () => {
    const id = await sessionInRecovery();
    const wrong = await physician.post(`/api/sessions/${id}/discharge`, {
      password: "guess",
      meaningAccepted: true,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toBe("password");
    const unconfirmed = await physician.post(`/api/sessions/${id}/discharge`, { password: "physician-demo" });
    expect(unconfirmed.status).toBe(400);
    expect((await physician.get(`/api/sessions/${id}`)).body.session.phase).toBe("recovery");
  });

  it("refuses to discharge a session that is still infusing", async () => {
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    const res = await physician.post(`/api/sessions/${id}/discharge`, {
      password: "physician-demo",
      meaningAccepted: true,
    });
    expect(res.status).toBe(409);
  });

  it("signs with the meaning stored and locks every write path", async () => {
    const id = await sessionInRecovery();
    const alert = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 170, dbp: 90 }));
    // Signed right after the stop: every unmet criterion needs a written override reason.
    const readiness = await physician.get(`/api/sessions/${id}/discharge-readiness`);
    const overrides = readiness.body.unmet.map((c: { id: string }) => ({
      criterionId: c.id,
      reason: `Assessed at the chair: ${c.id} acceptable`,
    }));
    const signed = await physician.post(`/api/sessions/${id}/discharge`, {
      password: "physician-demo",
      meaningAccepted: true,
      overrides,
    });
    expect(signed.status).toBe(200);
    expect(signed.body.session.phase).toBe("discharged");
    expect(signed.body.discharge).toMatchObject({ signedBy: { displayName: "Dr. Sam Rivera" } });
    expect(signed.body.discharge.meaning).toMatch(/fit for discharge/);
    expect(signed.body.discharge.overrides).toHaveLength(overrides.length);

    const writes = [
      nurse.post(`/api/sessions/${id}/vitals`, vitals()),
      nurse.post(`/api/sessions/${id}/observations`, {
        id: crypto.randomUUID(),
        observedAt: new Date().toISOString(),
        type: "nausea",
        severity: "mild",
      }),
      nurse.post(`/api/sessions/${id}/phase`, { to: "recovery" }),
      physician.post(`/api/sessions/${id}/discharge`, { password: "physician-demo", meaningAccepted: true }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: "session_locked" });
      expect(res.body.error.message).toMatch(/read-only/);
    }
    // An alarm stays resettable after discharge: acknowledging is not an edit of the record.
    expect((await physician.post(`/api/alerts/${alert.body.alerts[0].id}/acknowledge`, {})).status).toBe(200);
    const after = await physician.get("/api/sessions");
    expect(after.body.map((s: { session: { id: string } }) => s.session.id)).not.toContain(id);
  });
});
