import { describe, expect, it } from "vitest";
import { at, ids, makeAlert, physician } from "../../../testing/fixtures.ts";
import { makeProvisional } from "../provisional/provisional-fixtures.ts";
import { entryId, type ProvisionalEntry } from "../provisional/reconcile.ts";
import {
  type AlarmMemory,
  audioPauseMs,
  initialMemory,
  nextAlarm,
  pauseAudio,
  pauseRemainingMs,
  type SoundingAlert,
  soundingAlerts,
} from "./alarm-schedule.ts";

const high: SoundingAlert = { id: "h", priority: "high", escalated: false };
const medium: SoundingAlert = { id: "m", priority: "medium", escalated: false };
const low: SoundingAlert = { id: "l", priority: "low", escalated: false };
const T = 1_000_000;

const entry = (
  alarm: ReturnType<typeof makeProvisional>,
  status: ProvisionalEntry["status"],
): ProvisionalEntry => ({
  id: entryId(alarm),
  alarm,
  receivedAt: T,
  status,
  reason: status === "unconfirmed" ? "not-saved" : null,
});

/** Ticks once a second from `from` to `to` (inclusive) and returns when each pattern played. */
function run(
  alerts: SoundingAlert[],
  from: number,
  to: number,
  pausedUntil: number | null = null,
  memory: AlarmMemory = initialMemory,
) {
  const played: [number, string][] = [];
  let m = memory;
  for (let t = from; t <= to; t += 1000) {
    const d = nextAlarm(alerts, m, t, pausedUntil);
    m = d.memory;
    if (d.play) played.push([(t - from) / 1000, d.play]);
  }
  return { played, memory: m };
}

describe("which alerts sound", () => {
  it("open and unacknowledged only, one signal per session and parameter; an escalation is flagged", () => {
    const alerts = [
      makeAlert({ id: "a", parameter: "sbp", priority: "high" }),
      makeAlert({ id: "b", parameter: "hr", priority: "medium", escalatedAt: at(15) }),
      makeAlert({ id: "c", parameter: "rr", acknowledgedAt: at(12), acknowledgedBy: physician }),
      makeAlert({ id: "d", parameter: "dbp", status: "cleared", clearedAt: at(14) }),
      makeAlert({ id: "e", parameter: "spo2", priority: "high", conditionPresent: false }),
    ];
    expect(soundingAlerts(alerts)).toEqual([
      { id: `${ids.session}:sbp`, priority: "high", escalated: false },
      { id: `${ids.session}:hr`, priority: "medium", escalated: true },
      { id: `${ids.session}:spo2`, priority: "high", escalated: false },
    ]);
  });

  it("two versions of one alert (station list and escalations) are one signal, the stronger", () => {
    const station = makeAlert({ id: "a", parameter: "sbp", priority: "medium" });
    const escalated = { ...station, priority: "high" as const, escalatedAt: at(15) };
    expect(soundingAlerts([escalated, station])).toEqual([
      { id: `${ids.session}:sbp`, priority: "high", escalated: true },
    ]);
  });

  it("a provisional alarm sounds as an alert of its priority, confirming or unconfirmed", () => {
    const confirming = entry(makeProvisional({ parameter: "spo2", priority: "high" }), "confirming");
    const unconfirmed = entry(makeProvisional({ parameter: "hr", priority: "medium" }), "unconfirmed");
    expect(soundingAlerts([], [confirming, unconfirmed])).toEqual([
      { id: `${ids.session}:spo2`, priority: "high", escalated: false },
      { id: `${ids.session}:hr`, priority: "medium", escalated: false },
    ]);
  });

  it("a provisional upgrade sounds above an acknowledged or lower committed alert of the parameter", () => {
    const committed = makeAlert({ parameter: "spo2", priority: "medium" });
    const upgrade = entry(
      makeProvisional({ parameter: "spo2", priority: "high", event: "upgraded" }),
      "confirming",
    );
    expect(soundingAlerts([committed], [upgrade])).toEqual([
      { id: `${ids.session}:spo2`, priority: "high", escalated: false },
    ]);
  });

  it("the committed alert taking over from the provisional one does not start the alarm again", () => {
    const provisional = entry(makeProvisional({ parameter: "spo2", priority: "high" }), "confirming");
    const heard = run(soundingAlerts([], [provisional]), T, T + 3_000);
    expect(heard.played).toEqual([[0, "high"]]);
    const committed = makeAlert({ parameter: "spo2", priority: "high" });
    // the burst repeats on its 10 s rhythm, not at the handover
    expect(run(soundingAlerts([committed]), T + 4_000, T + 10_000, null, heard.memory).played).toEqual([
      [6, "high"],
    ]);
  });
});

describe("alarm schedule", () => {
  it("plays nothing without alerts", () => {
    expect(run([], T, T + 60_000).played).toEqual([]);
  });

  it("high: the burst at once, then every 10 s", () => {
    expect(run([high], T, T + 30_000).played).toEqual([
      [0, "high"],
      [10, "high"],
      [20, "high"],
      [30, "high"],
    ]);
  });

  it("medium: 3 pulses at once, then every 25 s", () => {
    expect(run([medium], T, T + 60_000).played).toEqual([
      [0, "medium"],
      [25, "medium"],
      [50, "medium"],
    ]);
  });

  it("low: once per new low alert, never repeated", () => {
    const first = run([low], T, T + 60_000);
    expect(first.played).toEqual([[0, "low"]]);
    const other: SoundingAlert = { id: "l2", priority: "low", escalated: false };
    expect(run([low, other], T + 61_000, T + 120_000, null, first.memory).played).toEqual([[0, "low"]]);
  });

  it("the highest pattern wins; a new high interrupts the medium cycle", () => {
    const first = run([medium], T, T + 5_000);
    expect(first.played).toEqual([[0, "medium"]]);
    expect(run([medium, high], T + 6_000, T + 16_000, null, first.memory).played).toEqual([
      [0, "high"],
      [10, "high"],
    ]);
  });

  it("an escalated alert plays the high burst, even a medium one", () => {
    const first = run([medium], T, T + 5_000);
    const escalated = { ...medium, escalated: true };
    expect(run([escalated], T + 6_000, T + 16_000, null, first.memory).played).toEqual([
      [0, "high"],
      [10, "high"],
    ]);
  });

  it("audio pause silences for 2 min, then high sounds again by itself", () => {
    const pausedUntil = pauseAudio(null, T);
    expect(pausedUntil).toBe(T + audioPauseMs);
    const { played } = run([high], T, T + 150_000, pausedUntil);
    expect(played[0]).toEqual([120, "high"]);
    expect(played.every(([s]) => s >= 120)).toBe(true);
    expect(played).toContainEqual([130, "high"]);
  });

  it("high cannot be muted for good: pausing again while paused does not extend the pause", () => {
    const first = pauseAudio(null, T);
    expect(pauseAudio(first, T + 90_000)).toBe(first);
    expect(pauseRemainingMs(first, T + 90_000)).toBe(30_000);
    expect(pauseRemainingMs(first, T + audioPauseMs)).toBe(0);
    expect(run([high], T + audioPauseMs, T + audioPauseMs, first).played).toEqual([[0, "high"]]);
  });

  it("a new escalation breaks through the audio pause", () => {
    const first = run([high], T, T + 1_000);
    const pausedUntil = pauseAudio(null, T + 2_000);
    const quiet = run([high], T + 2_000, T + 30_000, pausedUntil, first.memory);
    expect(quiet.played).toEqual([]);
    const escalated = { ...high, escalated: true };
    expect(run([escalated], T + 31_000, T + 50_000, pausedUntil, quiet.memory).played).toEqual([[0, "high"]]);
  });

  it("an alert that arrived during the pause sounds when the pause ends", () => {
    const pausedUntil = pauseAudio(null, T);
    expect(run([low], T, T + 130_000, pausedUntil).played).toEqual([[120, "low"]]);
  });
});
