import { describe, expect, it } from "vitest";
import type { AlertEvent } from "../../shared/clinical/engine/types.ts";
import {
  alertOnsets,
  type Episode,
  emptyTally,
  finalize,
  type Onset,
  quantile,
  tallySession,
} from "./metrics.ts";

const min = 60_000;
const ev = (
  t: number,
  event: AlertEvent["event"],
  parameter: AlertEvent["parameter"],
  priority: AlertEvent["priority"],
): AlertEvent => ({
  t: t * min,
  event,
  parameter,
  priority,
  message: "",
  value: null,
});
const onset = (
  parameter: Onset["parameter"],
  level: Onset["level"],
  start: number,
  end = start,
  low = false,
): Onset => ({
  parameter,
  level,
  ms: start * min,
  endMs: end * min,
  low,
});
const episode = (kind: Episode["kind"], start: number, end: number): Episode => ({
  kind,
  startMs: start * min,
  endMs: end * min,
});
const rowOf = (rows: ReturnType<typeof finalize>["byParameter"], key: string, level: string) =>
  rows.find((r) => r.key === key && r.level === level);

describe("alertOnsets", () => {
  it("gives an alert an onset per level, at the moment it reached it", () => {
    const onsets = alertOnsets([
      ev(10, "raised", "sbp", "medium"),
      ev(14, "upgraded", "sbp", "high"),
      ev(15, "escalated", "sbp", "high"),
      ev(20, "cleared", "sbp", "high"),
      ev(30, "raised", "sbp", "high"),
    ]);
    const open = Number.POSITIVE_INFINITY;
    expect(onsets).toEqual([
      onset("sbp", "medium", 10, 20),
      onset("sbp", "any", 10, 20),
      onset("sbp", "high", 14, 20),
      { ...onset("sbp", "high", 30), endMs: open },
      { ...onset("sbp", "medium", 30), endMs: open },
      { ...onset("sbp", "any", 30), endMs: open },
    ]);
  });

  it("marks alerts raised for a low value", () => {
    const low = { ...ev(5, "raised", "sbp", "medium"), value: 84 };
    const high = { ...ev(9, "raised", "hr", "medium"), value: 125 };
    expect(alertOnsets([low, high]).map((o) => [o.parameter, o.low])).toEqual([
      ["sbp", true],
      ["sbp", true],
      ["hr", false],
      ["hr", false],
    ]);
  });

  it("gives a re-signalled alert no new onset", () => {
    const onsets = alertOnsets([
      ev(1, "raised", "observation", "medium"),
      ev(2, "upgraded", "observation", "medium"),
    ]);
    expect(onsets).toHaveLength(2);
  });
});

describe("tallySession", () => {
  const tol = { beforeMin: 2, afterMin: { sbp: 10, spo2: 1 } };

  it("counts an episode caught when an onset lies in its window, and the alert as matching", () => {
    const tally = emptyTally();
    const onsets: Onset[] = [onset("sbp", "high", 105, 108), onset("sbp", "any", 99, 108)];
    tallySession(tally, [episode("sbp_high", 100, 110)], onsets, tol);
    const { byParameter, byLabel } = finalize(tally);
    expect(rowOf(byParameter, "sbp", "high")).toMatchObject({
      alerts: 1,
      ppv: 1,
      episodes: 1,
      caught: 1,
      sensitivity: 1,
    });
    expect(rowOf(byParameter, "sbp", "high")?.latencyMedianSec).toBe(300);
    expect(rowOf(byParameter, "sbp", "any")?.latencyMedianSec).toBe(-60);
    expect(rowOf(byLabel, "sbp_high", "medium")).toMatchObject({ episodes: 1, caught: 0, sensitivity: 0 });
  });

  it("misses an episode when the onset is outside the window or on another parameter", () => {
    const tally = emptyTally();
    const onsets: Onset[] = [
      onset("spo2", "any", 96, 97.5), // cleared 2.5 min before the start: outside the 2-min tolerance
      onset("spo2", "any", 102, 103), // 1 min after the end: inside
      onset("hr", "any", 100.5, 101), // another parameter
      onset("spo2", "any", 103.5, 104), // 2.5 min after the end: outside
    ];
    tallySession(tally, [episode("spo2_low", 100, 101)], onsets, tol);
    const { byParameter } = finalize(tally);
    expect(rowOf(byParameter, "spo2", "any")).toMatchObject({
      alerts: 3,
      ppv: 1 / 3,
      caught: 1,
      latencyMedianSec: 120,
    });
    expect(rowOf(byParameter, "hr", "any")).toMatchObject({
      alerts: 1,
      ppv: 0,
      episodes: 0,
      sensitivity: null,
    });
  });

  it("counts an alert that already stood when the episode began, with a negative latency", () => {
    const tally = emptyTally();
    tallySession(tally, [episode("sbp_high", 100, 110)], [onset("sbp", "medium", 80, 115)], tol);
    expect(rowOf(finalize(tally).byParameter, "sbp", "medium")).toMatchObject({
      caught: 1,
      ppv: 1,
      latencyMedianSec: -20 * 60,
    });
  });

  it("matches low alerts to hypotension only and high ones to high BP only", () => {
    const tally = emptyTally();
    const latchedHigh = onset("sbp", "high", 20, Number.POSITIVE_INFINITY / min);
    tallySession(
      tally,
      [episode("hypotension", 60, 62)],
      [latchedHigh, onset("sbp", "medium", 61, 63, true)],
      tol,
    );
    const { byLabel } = finalize(tally);
    expect(byLabel.find((r) => r.key === "hypotension" && r.level === "high")).toMatchObject({ caught: 0 });
    expect(byLabel.find((r) => r.key === "hypotension" && r.level === "medium")).toMatchObject({ caught: 1 });
  });

  it("maps hypotension to SBP and sedation to MOAA/S, and averages alerts over every session", () => {
    const tally = emptyTally();
    tallySession(tally, [episode("hypotension", 10, 12)], [onset("sbp", "any", 11, 12, true)], tol);
    tallySession(tally, [episode("sedation_deep", 50, 55)], [], tol);
    const { byParameter } = finalize(tally);
    expect(rowOf(byParameter, "sbp", "any")).toMatchObject({ alertsPerSession: 0.5, sensitivity: 1 });
    expect(rowOf(byParameter, "moaas", "any")).toMatchObject({ episodes: 1, caught: 0, ppv: null });
  });
});

describe("quantile", () => {
  it.each([
    [[], 0.5, null],
    [[5], 0.9, 5],
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4], 0.5, 2],
  ])("of %j at %d is %j", (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
});
