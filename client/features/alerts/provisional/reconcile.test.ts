import { describe, expect, it } from "vitest";
import { makeAlert, physician } from "../../../testing/fixtures.ts";
import { makeProvisional } from "./provisional-fixtures.ts";
import {
  applyCommittedAlert,
  dismissUnconfirmed,
  entryId,
  expireUnsettled,
  initialProvisionalState,
  nextExpiry,
  type ProvisionalState,
  receiveProvisional,
  settleReading,
  settleTimeoutMs,
  shownProvisionals,
} from "./reconcile.ts";

const T = 1_000_000;
const otherSession = "99999999-9999-4999-8999-999999999999";

const receive = (...alarms: ReturnType<typeof makeProvisional>[]) =>
  alarms.reduce<ProvisionalState>((s, a, i) => receiveProvisional(s, a, T + i), initialProvisionalState);

const shown = (s: ProvisionalState) =>
  shownProvisionals(s).map((e) => [e.alarm.readingId, e.status, e.reason]);

describe("receiving a provisional alarm", () => {
  it("shows it as confirming", () => {
    const a = makeProvisional();
    expect(shown(receive(a))).toEqual([[a.readingId, "confirming", null]]);
  });

  it("a repeat delivery replaces the same reading's alarm, keeping its arrival time", () => {
    const a = makeProvisional();
    const s = receiveProvisional(receive(a), { ...a, message: "again" }, T + 5_000);
    expect(s).toHaveLength(1);
    expect(s[0]?.alarm.message).toBe("again");
    expect(s[0]?.receivedAt).toBe(T);
  });

  it("shows the highest priority per session and parameter; other parameters and sessions apart", () => {
    const medium = makeProvisional({ priority: "medium" });
    const high = makeProvisional({ priority: "high" });
    const laterMedium = makeProvisional({ priority: "medium" });
    const hr = makeProvisional({ parameter: "hr", priority: "low" });
    const elsewhere = makeProvisional({ sessionId: otherSession, priority: "medium" });
    expect(shown(receive(medium, high, laterMedium, hr, elsewhere))).toEqual([
      [high.readingId, "confirming", null],
      [hr.readingId, "confirming", null],
      [elsewhere.readingId, "confirming", null],
    ]);
  });
});

describe("a committed alert for the parameter", () => {
  it("open at the same or a higher priority speaks for it: the provisional is hidden", () => {
    const a = makeProvisional({ priority: "medium" });
    const s = applyCommittedAlert(receive(a), makeAlert({ parameter: "spo2", priority: "high" }));
    expect(shown(s)).toEqual([]);
  });

  it("does not hide another parameter's or another session's alarm", () => {
    const a = makeProvisional();
    const s = receive(a);
    expect(applyCommittedAlert(s, makeAlert({ parameter: "hr", priority: "high" }))).toBe(s);
    expect(
      applyCommittedAlert(s, makeAlert({ sessionId: otherSession, parameter: "spo2", priority: "high" })),
    ).toBe(s);
  });

  it("cleared, or open below the alarm's priority, does not speak for it", () => {
    const a = makeProvisional({ priority: "high" });
    const s = receive(a);
    expect(applyCommittedAlert(s, makeAlert({ parameter: "spo2", priority: "medium" }))).toBe(s);
    expect(
      applyCommittedAlert(
        s,
        makeAlert({ parameter: "spo2", priority: "high", status: "cleared", clearedAt: "x" }),
      ),
    ).toBe(s);
  });

  it("an acknowledged open alert still speaks for it (the physician already answered it)", () => {
    const a = makeProvisional({ priority: "high" });
    const acked = makeAlert({
      parameter: "spo2",
      priority: "high",
      acknowledgedAt: "x",
      acknowledgedBy: physician,
    });
    expect(shown(applyCommittedAlert(receive(a), acked))).toEqual([]);
  });
});

describe("the reading settles", () => {
  it("recorded: its alarms go, whether a committed alert took over or the engine raised nothing", () => {
    const raised = makeProvisional();
    const withdrawn = makeProvisional({ parameter: "hr" });
    const other = makeProvisional({ parameter: "rr" });
    let s = receive(raised, withdrawn, other);
    s = applyCommittedAlert(s, makeAlert({ parameter: "spo2", priority: "high" }));
    s = settleReading(s, { sessionId: raised.sessionId, readingId: raised.readingId, recorded: true });
    s = settleReading(s, { sessionId: withdrawn.sessionId, readingId: withdrawn.readingId, recorded: true });
    expect(s.map((e) => e.alarm.readingId)).toEqual([other.readingId]);
  });

  it("not recorded: its alarm becomes unconfirmed (not saved), even one a committed alert had hidden", () => {
    const shownOne = makeProvisional({ parameter: "hr" });
    const hidden = makeProvisional();
    let s = receive(shownOne, hidden);
    s = applyCommittedAlert(s, makeAlert({ parameter: "spo2", priority: "high" }));
    s = settleReading(s, { sessionId: shownOne.sessionId, readingId: shownOne.readingId, recorded: false });
    s = settleReading(s, { sessionId: hidden.sessionId, readingId: hidden.readingId, recorded: false });
    expect(shown(s)).toEqual([
      [shownOne.readingId, "unconfirmed", "not-saved"],
      [hidden.readingId, "unconfirmed", "not-saved"],
    ]);
  });

  it("an unconfirmed alarm is neither hidden by a committed alert nor replaced by a repeat", () => {
    const a = makeProvisional();
    let s = settleReading(receive(a), { sessionId: a.sessionId, readingId: a.readingId, recorded: false });
    s = applyCommittedAlert(s, makeAlert({ parameter: "spo2", priority: "high" }));
    s = receiveProvisional(s, a, T + 1_000);
    expect(shown(s)).toEqual([[a.readingId, "unconfirmed", "not-saved"]]);
  });

  it("a settle for another session's reading of the same id changes nothing", () => {
    const a = makeProvisional();
    const s = receive(a);
    expect(settleReading(s, { sessionId: otherSession, readingId: a.readingId, recorded: true })).toBe(s);
  });
});

describe("no settle in time", () => {
  it("after 30 s a shown alarm becomes unconfirmed (no answer); a hidden one goes", () => {
    const shownOne = makeProvisional({ parameter: "hr" });
    const hidden = makeProvisional();
    let s = receive(shownOne, hidden);
    s = applyCommittedAlert(s, makeAlert({ parameter: "spo2", priority: "high" }));
    expect(expireUnsettled(s, T + settleTimeoutMs - 1)).toBe(s);
    s = expireUnsettled(s, T + settleTimeoutMs + 1);
    expect(s.map((e) => [e.alarm.readingId, e.status, e.reason])).toEqual([
      [shownOne.readingId, "unconfirmed", "no-answer"],
    ]);
  });

  it("a late settle: recorded resolves a no-answer alarm, not recorded turns it into not saved", () => {
    const a = makeProvisional();
    const late = expireUnsettled(receive(a), T + settleTimeoutMs);
    const settle = (recorded: boolean) =>
      settleReading(late, { sessionId: a.sessionId, readingId: a.readingId, recorded });
    expect(settle(true)).toEqual([]);
    expect(shown(settle(false))).toEqual([[a.readingId, "unconfirmed", "not-saved"]]);
  });

  it("the next expiry is the oldest waiting alarm's; none once all are settled or unconfirmed", () => {
    const a = makeProvisional();
    const b = makeProvisional({ parameter: "hr" });
    const s = receive(a, b);
    expect(nextExpiry(s)).toBe(T + settleTimeoutMs);
    expect(nextExpiry(expireUnsettled(s, T + settleTimeoutMs))).toBe(T + 1 + settleTimeoutMs);
    expect(nextExpiry(expireUnsettled(s, T + 2 * settleTimeoutMs))).toBeNull();
    expect(nextExpiry(initialProvisionalState)).toBeNull();
  });
});

describe("dismissing", () => {
  it("removes an unconfirmed alarm, and only an unconfirmed one", () => {
    const a = makeProvisional();
    const b = makeProvisional({ parameter: "hr" });
    let s = receive(a, b);
    expect(dismissUnconfirmed(s, entryId(a))).toBe(s);
    s = settleReading(s, { sessionId: a.sessionId, readingId: a.readingId, recorded: false });
    s = dismissUnconfirmed(s, entryId(a));
    expect(shown(s)).toEqual([[b.readingId, "confirming", null]]);
  });
});
