import { describe, expect, it } from "vitest";
import { type SimReplayLine, simReplayLineSchema } from "../replay-line.ts";
import { eventsBetween, eventsDueBy, SessionStream, sessionEvents, simulateSession } from "./events.ts";
import { planSession } from "./plan.ts";
import { scenarioNames } from "./scenarios.ts";

const minutesOf = (plan: { startMs: number }, line: SimReplayLine) =>
  (Date.parse(line.t) - plan.startMs) / 60_000;

describe("a simulated session as replay lines", () => {
  it("is identical for the same seed and different for another seed", () => {
    const a = simulateSession({ seed: 1234 });
    const b = simulateSession({ seed: 1234 });
    const c = simulateSession({ seed: 1235 });
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(b.truth).toEqual(a.truth);
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
    expect(c.plan.physiology.patient).not.toEqual(a.plan.physiology.patient);
  });

  it("writes every line valid against the replay schema, for every scenario", () => {
    for (const scenario of scenarioNames) {
      for (const seed of [1, 2, 3]) {
        const { events } = simulateSession({ seed, scenario });
        const invalid = events.filter((e) => !simReplayLineSchema.safeParse(e).success);
        expect(invalid, `${scenario} seed ${seed}`).toEqual([]);
      }
    }
  });

  it("rejects lines that break the format (the schema can fail)", () => {
    const t = "2026-01-05T09:00:00.000Z";
    expect(
      simReplayLineSchema.safeParse({ t, kind: "vitals", source: "monitor", sbp: 80, dbp: 90 }).success,
    ).toBe(false);
    expect(simReplayLineSchema.safeParse({ t, kind: "vitals", source: "monitor", hr: 72.5 }).success).toBe(
      false,
    );
    expect(simReplayLineSchema.safeParse({ t, kind: "vitals", source: "monitor", spo2: 101 }).success).toBe(
      false,
    );
    expect(simReplayLineSchema.safeParse({ t, kind: "observation", type: "sedation" }).success).toBe(false);
    expect(simReplayLineSchema.safeParse({ t, kind: "observation", type: "nausea" }).success).toBe(false);
    expect(simReplayLineSchema.safeParse({ t, kind: "phase", phase: "induction" }).success).toBe(false);
  });

  it("sorts lines by time and runs the phases 10 / 40 / recovery minutes, nothing after discharge", () => {
    const { plan, events } = simulateSession({ seed: 9, timing: { recoveryMin: 45 } });
    const times = events.map((e) => Date.parse(e.t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const phases = events.filter((e) => e.kind === "phase");
    expect(phases.map((p) => [p.phase, minutesOf(plan, p)])).toEqual([
      ["pre_infusion", 0],
      ["infusing", 10],
      ["recovery", 50],
      ["discharged", 95],
    ]);
    expect(events.at(-1)).toEqual(phases.at(-1));
    expect(events[0]).toEqual(phases[0]);
  });

  it("takes 2-3 BP readings before the infusion as the baseline", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { plan, events } = simulateSession({ seed, monitor: { cuffFailureRate: 0 } });
      const pre = events.filter((e) => e.kind === "vitals" && e.sbp !== undefined && minutesOf(plan, e) < 10);
      expect(pre.length).toBeGreaterThanOrEqual(2);
      expect(pre.length).toBeLessThanOrEqual(3);
    }
  });

  it("streams the same lines as the batch, whatever the step", () => {
    const plan = planSession({ seed: 77, scenario: "vasovagal" });
    const batch = sessionEvents(plan);
    for (const stepMs of [1000, 7_300, 60_000, 17 * 60_000]) {
      const stream = new SessionStream({ seed: 77, scenario: "vasovagal" });
      const streamed: SimReplayLine[] = [];
      for (let t = stream.startMs - 5000; !stream.done; t += stepMs) streamed.push(...stream.advanceTo(t));
      expect(streamed).toEqual(batch);
    }
    const at = plan.startMs + 33 * 60_000 + 500;
    const due = eventsDueBy({ seed: 77, scenario: "vasovagal" }, at);
    expect(due).toEqual(batch.filter((e) => Date.parse(e.t) <= at));
  });

  it("returns only the lines due in a window and nothing when time goes back", () => {
    const plan = planSession({ seed: 5 });
    const from = plan.startMs + 20 * 60_000;
    const to = from + 30_000;
    const window = eventsBetween(plan, from, to);
    expect(window.length).toBeGreaterThan(20);
    for (const e of window) {
      expect(Date.parse(e.t)).toBeGreaterThan(from);
      expect(Date.parse(e.t)).toBeLessThanOrEqual(to);
    }
    const stream = new SessionStream(plan);
    expect(stream.advanceTo(to).length).toBeGreaterThan(0);
    expect(stream.advanceTo(from)).toEqual([]);
  });
});
