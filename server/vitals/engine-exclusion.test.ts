import { describe, expect, it } from "vitest";
import { initialState } from "../../shared/clinical/engine/state.ts";
import { excludeSamples, recomputeBaseline } from "./engine-exclusion.ts";

function state() {
  const s = initialState("infusing", 1_000);
  s.recent = {
    sbp: [
      { t: 10, v: 120 },
      { t: 20, v: 185 },
    ],
    moaas: [{ t: 30, v: 3 }],
  };
  s.preInfusion = {
    sbp: [
      { t: 5, v: 200 },
      { t: 10, v: 120 },
    ],
  };
  s.baseline = { sbp: 160 };
  s.baselineFixedAt = 900;
  s.persistence = { hr: { lastT: 20, lastValue: 130, since: { medium: 10 } } };
  return s;
}

describe("excluding an entry entered in error from the engine", () => {
  it("removes its recent sample and ends a persistence run it was the end of", () => {
    const { state: next, preInfusionChanged } = excludeSamples(state(), 20, { sbp: 185, hr: 130 });
    expect(next.recent.sbp).toEqual([{ t: 10, v: 120 }]);
    expect(next.persistence.hr).toBeUndefined();
    expect(preInfusionChanged).toEqual([]);
  });

  it("removes a pre-infusion sample, and the baseline is the mean of those left", () => {
    const { state: next, preInfusionChanged } = excludeSamples(state(), 5, { sbp: 200 });
    expect(preInfusionChanged).toEqual(["sbp"]);
    recomputeBaseline(next, preInfusionChanged);
    expect(next.baseline.sbp).toBe(120);
  });

  it("removes a MOAA/S sample and leaves the input state untouched", () => {
    const before = state();
    const { state: next } = excludeSamples(before, 30, { moaas: 3 });
    expect(next.recent.moaas).toEqual([]);
    expect(before.recent.moaas).toHaveLength(1);
  });

  it("changes nothing for a sample it does not hold (same time, other value)", () => {
    const { state: next } = excludeSamples(state(), 20, { sbp: 186 });
    expect(next).toEqual(state());
  });
});
