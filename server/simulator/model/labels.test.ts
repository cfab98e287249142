import { describe, expect, it } from "vitest";
import { resolveConfig, timingSchema } from "./config.ts";
import { simulateSession } from "./events.ts";
import { groundTruth, labelRules } from "./labels.ts";
import { type Physiology, planPhysiology } from "./physiology.ts";

const timing = timingSchema.parse({});

/** A patient with a fixed baseline and response and no spontaneous waves. */
function synthetic(overrides: Partial<Physiology["response"]>, sbp = 150, dbp = 85): Physiology {
  const p = planPhysiology({ seed: 1, scenario: "typical", timing });
  return {
    ...p,
    patient: { ...p.patient, baseline: { sbp, dbp, hr: 70, spo2: 98, rr: 14 } },
    response: {
      sbpRise: 0,
      dbpRise: 0,
      hrRise: 0,
      peakMin: 36,
      offsetTauMin: 15,
      sedationDepth: 0,
      ...overrides,
    },
    waves: { bp: [], hr: [], spo2: [], rr: [] },
  };
}

describe("ground-truth labels", () => {
  it("a calm patient has no labels", () => {
    expect(
      groundTruth(synthetic({ sbpRise: 8, dbpRise: 5, hrRise: 4, sedationDepth: 1 }, 120, 75)).labels,
    ).toEqual([]);
  });

  it("labels SBP ≥ 180 only when it lasts 5 min or more", () => {
    const brief = groundTruth(synthetic({ sbpRise: 30.5 })); // just touches 180 at the peak
    expect(brief.maxSbp).toBeGreaterThanOrEqual(180);
    expect(brief.labels.filter((l) => l.kind === "sbp_high")).toEqual([]);
    const sustained = groundTruth(synthetic({ sbpRise: 45 }));
    const [label] = sustained.labels.filter((l) => l.kind === "sbp_high");
    expect(label).toBeDefined();
    expect(label!.endMin - label!.startMin).toBeGreaterThanOrEqual(5);
    expect(label!.worst).toBeCloseTo(195, 0);
    expect(label!.startMin).toBeGreaterThan(timing.preInfusionMin);
    expect(sustained.severeHypertension).toBe(true);
  });

  it("labels deep sedation (MOAA/S ≤ 2) and not MOAA/S 3", () => {
    expect(groundTruth(synthetic({ sedationDepth: 2 }), 60).labels).toEqual([]);
    const deep = groundTruth(synthetic({ sedationDepth: 3 }), 60).labels;
    expect(deep.map((l) => l.kind)).toEqual(["sedation_deep"]);
    expect(deep[0]!.worst).toBe(2);
  });

  it("every hypertensive_responder session gets an sbp_high label", () => {
    for (let seed = 0; seed < 30; seed++) {
      const truth = groundTruth(planPhysiology({ seed, scenario: "hypertensive_responder", timing }), 5);
      expect(
        truth.labels.some((l) => l.kind === "sbp_high"),
        `seed ${seed}`,
      ).toBe(true);
    }
  });

  it("vasovagal gives bradycardia and hypotension; desaturation gives spo2_low for 30 s or more", () => {
    for (let seed = 0; seed < 20; seed++) {
      const vv = groundTruth(planPhysiology({ seed, scenario: "vasovagal", timing }), 5).labels.map(
        (l) => l.kind,
      );
      expect(vv).toContain("bradycardia");
      expect(vv).toContain("hypotension");
      const desat = groundTruth(planPhysiology({ seed, scenario: "desaturation", timing }), 1).labels;
      const spo2 = desat.find((l) => l.kind === "spo2_low");
      expect(spo2).toBeDefined();
      expect(spo2!.endMin - spo2!.startMin).toBeGreaterThanOrEqual(0.5);
      expect(spo2!.worst).toBeLessThan(88);
    }
  });

  it("comes from the true signal: monitor artefacts change the readings, never the labels", () => {
    const quiet = simulateSession(resolveConfig({ seed: 31, monitor: { motionArtefactsPerHour: 0 } }));
    const noisy = simulateSession(resolveConfig({ seed: 31, monitor: { motionArtefactsPerHour: 40 } }));
    const lowReadings = noisy.events.filter(
      (e) => e.kind === "vitals" && e.spo2 !== undefined && e.spo2 < 88,
    );
    expect(lowReadings.length).toBeGreaterThan(0);
    expect(noisy.truth).toEqual(quiet.truth);
    expect(noisy.truth.labels.filter((l) => l.kind === "spo2_low")).toEqual([]);
  });

  it("documents a definition for every label kind", () => {
    for (const rule of labelRules) expect(rule.definition.length).toBeGreaterThan(5);
  });
});
