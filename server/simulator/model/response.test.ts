import { describe, expect, it } from "vitest";
import { timingSchema } from "./config.ts";
import { drugEffectAt, planPhysiology, trueVitalsAt } from "./physiology.ts";
import { responseShape, sedationShape } from "./response.ts";

const timing = timingSchema.parse({});

describe("ketamine response over time", () => {
  it("is flat before the infusion, peaks at the given minute, and is gone 90 min after the stop", () => {
    expect(responseShape(-5, 40, 36, 15)).toBe(0);
    expect(responseShape(0, 40, 36, 15)).toBe(0);
    expect(responseShape(36, 40, 36, 15)).toBeCloseTo(1, 10);
    expect(responseShape(20, 40, 36, 15)).toBeLessThan(1);
    expect(responseShape(40, 40, 36, 15)).toBeGreaterThan(0.9);
    expect(responseShape(40 + 90, 40, 36, 19)).toBeLessThan(0.01);
  });

  it("peaks 30-40 min after the infusion start in every session (noise-free)", () => {
    for (let seed = 0; seed < 300; seed++) {
      const p = planPhysiology({ seed, scenario: "typical", timing });
      let best = 0;
      for (let m = 0; m <= 130; m += 0.5) {
        if (drugEffectAt(p, timing.preInfusionMin + m) > drugEffectAt(p, timing.preInfusionMin + best))
          best = m;
      }
      expect(best).toBeGreaterThanOrEqual(30);
      expect(best).toBeLessThanOrEqual(40);
    }
  });

  it("returns the true BP and HR to baseline within 90 min after the infusion stops", () => {
    const stop = timing.preInfusionMin + timing.infusionMin;
    for (let seed = 0; seed < 300; seed++) {
      const p = planPhysiology({ seed, scenario: "typical", timing });
      const v = trueVitalsAt(p, stop + 90);
      // Only the spontaneous slow waves (a few mmHg) remain.
      expect(Math.abs(v.sbp - p.patient.baseline.sbp)).toBeLessThan(5);
      expect(Math.abs(v.dbp - p.patient.baseline.dbp)).toBeLessThan(4);
      expect(Math.abs(v.hr - p.patient.baseline.hr)).toBeLessThan(4);
      expect(p.response.sbpRise * drugEffectAt(p, stop + 90)).toBeLessThan(1);
    }
  });

  it("sedates most at the end of the infusion and wears off in recovery", () => {
    expect(sedationShape(3, 40)).toBe(0);
    expect(sedationShape(40, 40)).toBe(1);
    expect(sedationShape(20, 40)).toBeLessThan(1);
    expect(sedationShape(40 + 40, 40)).toBeLessThan(0.02);
  });
});
