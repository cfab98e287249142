import { describe, expect, it } from "vitest";
import { defaultScreeningProfile as profile } from "./profile.ts";
import { evaluateStartGate, refusalMessage } from "./start-gate.ts";

const blocking = [
  { questionId: "pregnancy", label: "Pregnant or possibly pregnant", answer: "yes" as const },
];

describe("evaluateStartGate", () => {
  it("lets a normal baseline with a clean screening start", () => {
    const gate = evaluateStartGate({
      profile,
      baseline: { sbp: 128, dbp: 82 },
      screening: { id: "s1", blocking: [] },
      clearances: [],
    });
    expect(gate).toEqual({ canStart: true, blockers: [], cautions: [] });
  });

  it("cautions without blocking at 150/95, and without a screening", () => {
    const gate = evaluateStartGate({
      profile,
      baseline: { sbp: 150, dbp: 95 },
      screening: null,
      clearances: [],
    });
    expect(gate.canStart).toBe(true);
    expect(gate.cautions).toHaveLength(2);
  });

  it("blocks at 160/100 until a clearance covers the value", () => {
    const input = { profile, baseline: { sbp: 165, dbp: 102 }, screening: null };
    const blocked = evaluateStartGate({ ...input, clearances: [] });
    expect(blocked.canStart).toBe(false);
    expect(refusalMessage(blocked)).toMatch(/165\/102 mmHg is at or above the limit of 160\/100/);
    expect(
      evaluateStartGate({ ...input, clearances: [{ kind: "baseline_bp", sbp: 165, dbp: 102 }] }).canStart,
    ).toBe(true);
    expect(
      evaluateStartGate({ ...input, clearances: [{ kind: "baseline_bp", sbp: 161, dbp: 100 }] }).canStart,
    ).toBe(false);
  });

  it("blocks on a blocking answer until that screening is cleared", () => {
    const input = { profile, baseline: { sbp: 120, dbp: 80 }, screening: { id: "s2", blocking } };
    expect(evaluateStartGate({ ...input, clearances: [] }).canStart).toBe(false);
    expect(
      evaluateStartGate({ ...input, clearances: [{ kind: "screening", screeningId: "s1" }] }).canStart,
    ).toBe(false);
    expect(
      evaluateStartGate({ ...input, clearances: [{ kind: "screening", screeningId: "s2" }] }).canStart,
    ).toBe(true);
  });
});
