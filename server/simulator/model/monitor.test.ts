import { describe, expect, it } from "vitest";
import type { SimReplayLine } from "../replay-line.ts";
import { eventsBetween, simulateSession } from "./events.ts";
import { planSession, type SessionPlan } from "./plan.ts";

type Vitals = Extract<SimReplayLine, { kind: "vitals" }>;
const vitals = (events: SimReplayLine[]) => events.filter((e): e is Vitals => e.kind === "vitals");
const minute = (plan: SessionPlan, e: SimReplayLine) => (Date.parse(e.t) - plan.startMs) / 60_000;
const inWindow = (plan: SessionPlan, e: SimReplayLine, a: { startMin: number; endMin: number }) =>
  minute(plan, e) >= a.startMin && minute(plan, e) < a.endMin;

describe("monitor behaviour", () => {
  it("reads NIBP at the start of each phase and then every cuff cycle", () => {
    const { plan, events } = simulateSession({
      seed: 3,
      monitor: { cuffFailureRate: 0, cuffCycleMin: { pre_infusion: 4, infusing: 5, recovery: 15 } },
    });
    const bp = vitals(events).filter((e) => e.sbp !== undefined);
    expect(bp.every((e) => e.source === "monitor")).toBe(true);
    expect(bp.map((e) => minute(plan, e))).toEqual([
      0.5, 4.5, 8.5, 10.5, 15.5, 20.5, 25.5, 30.5, 35.5, 40.5, 45.5, 50.5, 65.5, 80.5, 95.5,
    ]);
  });

  it("drops failed cuff readings at the configured rate and records them", () => {
    let cycles = 0;
    let failed = 0;
    for (let seed = 0; seed < 300; seed++) {
      const plan = planSession({ seed, monitor: { cuffFailureRate: 0.1 } });
      const readings = plan.discrete.filter(
        (e) => e.line.kind === "vitals" && e.line.sbp !== undefined,
      ).length;
      const f = plan.artefacts.filter((a) => a.kind === "cuff_failed").length;
      cycles += readings + f;
      failed += f;
    }
    expect(failed / cycles).toBeGreaterThan(0.08);
    expect(failed / cycles).toBeLessThan(0.12);
  });

  it("samples HR and SpO2 about once a second, and at the configured rate", () => {
    const one = simulateSession({ seed: 4, monitor: { probeOffPerHour: 0 } });
    const ox = vitals(one.events).filter((e) => e.source === "monitor" && e.hr !== undefined);
    const seconds = (one.plan.endMs - one.plan.oximeter.firstMs) / 1000;
    expect(ox.length).toBe(seconds);
    const gaps = ox.slice(1).map((e, i) => Date.parse(e.t) - Date.parse(ox[i]!.t));
    expect(new Set(gaps)).toEqual(new Set([1000]));
    const two = simulateSession({ seed: 4, monitor: { probeOffPerHour: 0, rateHz: 2 } });
    expect(vitals(two.events).filter((e) => e.hr !== undefined && e.source === "monitor").length).toBe(
      2 * seconds,
    );
  });

  it("adds measurement noise around the truth", () => {
    const { events } = simulateSession({ seed: 8, monitor: { motionArtefactsPerHour: 0 } });
    const hr = vitals(events)
      .filter((e) => e.hr !== undefined && e.source === "monitor")
      .map((e) => e.hr!);
    const steps = hr.slice(1).map((h, i) => Math.abs(h - hr[i]!));
    expect(steps.some((s) => s >= 2)).toBe(true);
    expect(steps.filter((s) => s >= 8).length).toBeLessThan(hr.length / 200);
  });

  it("draws motion artefacts and probe-off gaps at the configured rates", () => {
    let hours = 0;
    let motions = 0;
    let probeOffs = 0;
    for (let seed = 0; seed < 400; seed++) {
      const plan = planSession({ seed, monitor: { motionArtefactsPerHour: 3, probeOffPerHour: 1 } });
      hours += (plan.endMs - plan.oximeter.firstMs) / 3_600_000;
      motions += plan.artefacts.filter((a) => a.kind === "motion").length;
      probeOffs += plan.artefacts.filter((a) => a.kind === "probe_off").length;
    }
    expect(motions / hours).toBeGreaterThan(2.7);
    expect(motions / hours).toBeLessThan(3.3);
    expect(probeOffs / hours).toBeGreaterThan(0.85);
    expect(probeOffs / hours).toBeLessThan(1.15);
  });

  it("leaves a gap while the probe is off and dips SpO2 falsely during motion", () => {
    let motions = 0;
    let dipped = 0;
    let probeOffs = 0;
    for (let seed = 0; seed < 20; seed++) {
      const plan = planSession({ seed, monitor: { motionArtefactsPerHour: 3, probeOffPerHour: 1 } });
      const ms = (min: number) => plan.startMs + min * 60_000;
      for (const a of plan.artefacts) {
        const around = vitals(eventsBetween(plan, ms(a.startMin - 0.1), ms(a.endMin))).filter(
          (e) => e.spo2 !== undefined,
        );
        const inside = around.filter((e) => inWindow(plan, e, a));
        if (a.kind === "probe_off") {
          probeOffs++;
          expect(inside).toEqual([]);
          expect(around.length).toBeGreaterThan(0);
        }
        if (a.kind === "motion") {
          motions++;
          const before = around.filter((e) => minute(plan, e) < a.startMin).at(-1)?.spo2 ?? 100;
          if (inside.some((e) => e.spo2! <= before - 4)) dipped++;
        }
      }
    }
    expect(probeOffs).toBeGreaterThan(5);
    expect(motions).toBeGreaterThan(20);
    expect(dipped / motions).toBeGreaterThan(0.8);
  });

  it("sensor_disconnect leaves a gap of 2 min or more during the infusion", () => {
    for (const seed of [1, 2, 3]) {
      const { plan, events } = simulateSession({ seed, scenario: "sensor_disconnect" });
      const ox = vitals(events).filter((e) => e.source === "monitor" && e.hr !== undefined);
      const gaps = ox
        .slice(1)
        .map((e, i) => ({ at: minute(plan, ox[i]!), gap: minute(plan, e) - minute(plan, ox[i]!) }));
      const long = gaps.filter((g) => g.gap >= 2 && g.at >= 10 && g.at < 50);
      expect(long.length).toBeGreaterThan(0);
    }
  });

  it("nurse_behind: BP by hand only, with a gap beyond the 10-min due interval during the infusion", () => {
    for (const seed of [1, 2, 3, 4]) {
      const { plan, events } = simulateSession({ seed, scenario: "nurse_behind" });
      const bp = vitals(events).filter((e) => e.sbp !== undefined);
      expect(bp.every((e) => e.source === "manual")).toBe(true);
      const infusing = [10, ...bp.map((e) => minute(plan, e)).filter((m) => m >= 10 && m < 50)];
      const gaps = infusing.slice(1).map((m, i) => m - infusing[i]!);
      expect(Math.max(...gaps)).toBeGreaterThanOrEqual(15);
    }
  });

  it("a typical session has no gap in BP beyond the cuff cycle plus failures", () => {
    const { plan, events } = simulateSession({ seed: 12, monitor: { cuffFailureRate: 0 } });
    const bp = vitals(events)
      .filter((e) => e.sbp !== undefined)
      .map((e) => minute(plan, e));
    const gaps = bp.slice(1).map((m, i) => m - bp[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10);
  });
});
