import { describe, expect, it } from "vitest";
import { defaultProfile } from "./profile.ts";
import { addSummaries, replaySession, summarizeEvents } from "./replay.ts";
import { parseReplayText, toEventLine } from "./replay-format.ts";
import { engineStateSchema, parseState } from "./state.ts";
import type { AlertEvent } from "./types.ts";

const lines = (...objects: object[]) => objects.map((o) => JSON.stringify(o)).join("\n");

describe("recorded-session format", () => {
  it("parses every kind, defaults the source to manual and skips blank lines", () => {
    const parsed = parseReplayText(
      `${lines(
        { t: "2026-03-01T10:00:00Z", kind: "phase", phase: "infusing" },
        { t: "2026-03-01T10:01:00Z", kind: "vitals", sbp: 120, dbp: 80 },
        { t: "2026-03-01T10:02:00+01:00", kind: "observation", type: "sedation", moaas: 4 },
        { t: "2026-03-01T10:03:00Z", kind: "ack", parameter: "sbp", by: "dr.okafor" },
      )}\n\n`,
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.lines[1]).toMatchObject({ kind: "vitals", source: "manual" });
  });

  it("reports every invalid line with its number", () => {
    const text = [
      JSON.stringify({ t: "2026-03-01T10:00:00Z", kind: "phase", phase: "infusing" }),
      "{not json",
      JSON.stringify({ t: "yesterday", kind: "vitals", hr: 80 }),
      "",
      JSON.stringify({ t: "2026-03-01T10:00:00Z", kind: "vitals" }),
      JSON.stringify({ t: "2026-03-01T10:00:00Z", kind: "observation", type: "sedation" }),
      JSON.stringify({ t: "2026-03-01T10:00:00Z", kind: "vitals", hr: 80, temp: 37 }),
      JSON.stringify({ t: "2026-03-01T10:00:00Z", kind: "snooze" }),
    ].join("\n");
    const parsed = parseReplayText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 8]);
  });
});

describe("replaySession", () => {
  it("sorts inputs by time before evaluating and fires no timer after the last input", () => {
    const parsed = parseReplayText(
      lines(
        { t: "2026-03-01T10:05:00Z", kind: "vitals", sbp: 205, dbp: 90 },
        { t: "2026-03-01T10:00:00Z", kind: "phase", phase: "infusing" },
        { t: "2026-03-01T10:05:30Z", kind: "vitals", hr: 80 },
      ),
    );
    if (!parsed.ok) throw new Error("fixture");
    const { events, state } = replaySession(parsed.lines, defaultProfile);
    expect(events.map(toEventLine)).toEqual([
      {
        t: "2026-03-01T10:05:00.000Z",
        event: "raised",
        parameter: "sbp",
        priority: "high",
        message: "Systolic BP 205 mmHg ≥ 200",
        value: 205,
      },
    ]);
    // The engine state is plain JSON the server can store and reload.
    const reloaded = parseState(JSON.parse(JSON.stringify(state)));
    expect(reloaded).toEqual(state);
    expect(engineStateSchema.safeParse({ ...state, alerts: [{ parameter: "sbp" }] }).success).toBe(false);
  });
});

describe("alarm burden summary", () => {
  const e = (
    event: AlertEvent["event"],
    parameter: AlertEvent["parameter"],
    priority: AlertEvent["priority"],
  ) => ({ t: 0, event, parameter, priority, message: "", value: null }) satisfies AlertEvent;

  it("counts alert episodes at the highest priority they reached, plus upgrades and escalations", () => {
    const summary = summarizeEvents([
      e("raised", "overdue", "low"),
      e("upgraded", "overdue", "medium"),
      e("escalated", "overdue", "medium"),
      e("cleared", "overdue", "medium"),
      e("raised", "overdue", "low"),
      e("cleared", "overdue", "low"),
      e("raised", "sbp", "high"),
    ]);
    expect(summary).toEqual({
      alerts: 3,
      byPriority: { high: 1, medium: 1, low: 1 },
      byParameter: { sbp: { high: 1, medium: 0, low: 0 }, overdue: { high: 0, medium: 1, low: 1 } },
      upgraded: 1,
      escalated: 1,
    });
    expect(Object.keys(summary.byParameter)).toEqual(["sbp", "overdue"]);
    expect(addSummaries(summary, summary)).toMatchObject({
      alerts: 6,
      byPriority: { high: 2 },
      escalated: 2,
    });
  });
});
