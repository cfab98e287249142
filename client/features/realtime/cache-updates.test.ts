import { describe, expect, it } from "vitest";
import {
  at,
  latestFrom,
  makeAlert,
  makeDetail,
  makeObservation,
  makeReading,
  makeSession,
  makeSummary,
  physician,
} from "../../testing/fixtures.ts";
import {
  appendObservation,
  appendReading,
  applyAlertToSummaries,
  applyReadingToSummaries,
  applySessionToSummaries,
  applyStationChange,
  hasSeqGap,
  markSeq,
  replaceSessionInDetail,
  upsertAlert,
} from "./cache-updates.ts";

const otherSessionId = "99999999-9999-4999-8999-999999999999";

describe("session detail updates", () => {
  it("appends a reading in clinical-time order and dedupes by id", () => {
    const late = makeReading({ observedAt: at(20) });
    const early = makeReading({ observedAt: at(8) });
    let detail = appendReading(makeDetail(), late);
    detail = appendReading(detail, early);
    expect(detail.vitals.map((r) => r.id)).toEqual([early.id, late.id]);
    const again = appendReading(detail, late);
    expect(again).toBe(detail);
    expect(again.vitals).toHaveLength(2);
  });

  it("ignores a reading of another session", () => {
    const detail = makeDetail();
    expect(appendReading(detail, makeReading({ sessionId: otherSessionId }))).toBe(detail);
  });

  it("appends an observation once", () => {
    const o = makeObservation();
    const once = appendObservation(makeDetail(), o);
    expect(appendObservation(once, o).observations).toHaveLength(1);
  });

  it("upserts an alert: new ones are added, changed ones replaced", () => {
    const alert = makeAlert();
    const added = upsertAlert(makeDetail(), alert);
    expect(added.alerts).toHaveLength(1);
    const acked = { ...alert, acknowledgedAt: at(30), acknowledgedBy: physician };
    const replaced = upsertAlert(added, acked);
    expect(replaced.alerts).toHaveLength(1);
    expect(replaced.alerts[0]!.acknowledgedBy?.displayName).toBe("Dr Xu");
  });

  it("replaces the session unless the cached one is newer", () => {
    const detail = makeDetail({ session: makeSession({ seq: 5 }) });
    const stale = makeSession({ seq: 4, phase: "pre_infusion" });
    expect(replaceSessionInDetail(detail, stale)).toBe(detail);
    const next = replaceSessionInDetail(detail, makeSession({ seq: 6, phase: "recovery" }));
    expect(next.session.phase).toBe("recovery");
  });

  it("detects a gap in the event sequence and records the applied seq", () => {
    const detail = makeDetail({ session: makeSession({ seq: 3 }) });
    expect(hasSeqGap(detail, 4)).toBe(false);
    expect(hasSeqGap(detail, 3)).toBe(false);
    expect(hasSeqGap(detail, 6)).toBe(true);
    expect(markSeq(detail, 4).session.seq).toBe(4);
    expect(markSeq(detail, 2)).toBe(detail);
  });
});

describe("station summary updates", () => {
  it("sets the latest reading only when it is newer", () => {
    const current = makeReading({ observedAt: at(20) });
    const list = [makeSummary({ latestVitals: current, latestValues: latestFrom(current) })];
    expect(applyReadingToSummaries(list, makeReading({ observedAt: at(10) }))).toBe(list);
    const newer = makeReading({ observedAt: at(25), hr: 130 });
    expect(applyReadingToSummaries(list, newer)[0]!.latestVitals?.hr).toBe(130);
  });

  it("keeps the newest value of each parameter: a HR-only reading does not hide the last BP", () => {
    const full = makeReading({ observedAt: at(10), sbp: 150, dbp: 90 });
    let list = applyReadingToSummaries([makeSummary()], full);
    list = applyReadingToSummaries(
      list,
      makeReading({ observedAt: at(11), sbp: null, dbp: null, map: null, hr: 88 }),
    );
    const latest = list[0]!.latestValues;
    expect(latest.sbp).toEqual({ value: 150, observedAt: at(10) });
    expect(latest.hr).toEqual({ value: 88, observedAt: at(11) });
    expect(applyReadingToSummaries(list, full)).toBe(list);
  });

  it("tracks open alerts and recomputes the worst open priority", () => {
    const medium = makeAlert({ priority: "medium" });
    const high = makeAlert({ parameter: "spo2", priority: "high" });
    let list = [makeSummary()];
    list = applyAlertToSummaries(list, medium);
    expect(list[0]!.worstOpenPriority).toBe("medium");
    list = applyAlertToSummaries(list, high);
    list = applyAlertToSummaries(list, high); // duplicate event
    expect(list[0]!.openAlerts).toHaveLength(2);
    expect(list[0]!.worstOpenPriority).toBe("high");
    list = applyAlertToSummaries(list, { ...high, status: "cleared", clearedAt: at(40) });
    expect(list[0]!.openAlerts.map((a) => a.id)).toEqual([medium.id]);
    expect(list[0]!.worstOpenPriority).toBe("medium");
  });

  it("removes a discharged session and replaces others", () => {
    const list = [makeSummary()];
    expect(applySessionToSummaries(list, makeSession({ seq: 2, phase: "recovery" }))[0]!.session.phase).toBe(
      "recovery",
    );
    expect(applySessionToSummaries(list, makeSession({ seq: 3, phase: "discharged" }))).toEqual([]);
  });

  it("adds a started session once and removes an ended one", () => {
    const started = makeSummary({ session: makeSession({ id: otherSessionId, chair: "5" }) });
    const list = applyStationChange([makeSummary()], started);
    expect(list).toHaveLength(2);
    expect(applyStationChange(list, started)).toHaveLength(2);
    const ended = makeSummary({ session: makeSession({ id: otherSessionId, phase: "discharged" }) });
    expect(applyStationChange(list, ended)).toHaveLength(1);
  });
});
