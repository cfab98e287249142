import { describe, expect, it } from "vitest";
import { observationTypes, severities } from "../../../shared/schemas/observation.ts";
import { timingSchema } from "./config.ts";
import { planPhysiology, trueMoaasAt } from "./physiology.ts";
import { planSession } from "./plan.ts";
import { Random } from "./random.ts";
import { drawSideEffects } from "./side-effects.ts";

const timing = timingSchema.parse({});
const N = 4000;

describe("side effects", () => {
  const sessions = Array.from({ length: N }, (_, seed) => {
    const p = planPhysiology({ seed, scenario: "typical", timing });
    return drawSideEffects(
      new Random(seed).fork("side-effects"),
      timing,
      p.response.sedationDepth,
      p.scenario,
    );
  });
  const incidence = (type: string) => sessions.filter((s) => s.some((e) => e.type === type)).length / N;

  it.each([
    ["drowsiness", 0.564],
    ["dizziness", 0.452],
    ["dissociation", 0.356],
    ["nausea", 0.133],
  ])("draws %s with the published incidence (%f, Rodrigues 2022)", (type, expected) => {
    expect(Math.abs(incidence(type) - expected)).toBeLessThan(0.025);
  });

  it("draws the rarer ones rarely, with valid types and severities", () => {
    expect(incidence("vomiting")).toBeLessThan(incidence("nausea"));
    expect(incidence("hallucinations")).toBeLessThan(0.03);
    expect(incidence("seizure")).toBeLessThan(0.002);
    const invalid = sessions
      .flat()
      .filter(
        (e) =>
          !observationTypes.includes(e.type) || !severities.includes(e.severity) || e.type === "sedation",
      );
    expect(invalid).toEqual([]);
  });

  it("times them plausibly: mostly during the infusion, nausea also in recovery", () => {
    const inRecovery = (type: string) => {
      const es = sessions.flat().filter((e) => e.type === type);
      return es.filter((e) => e.atMin >= timing.preInfusionMin + timing.infusionMin).length / es.length;
    };
    expect(inRecovery("dissociation")).toBe(0);
    expect(inRecovery("drowsiness")).toBe(0);
    expect(inRecovery("nausea")).toBeGreaterThan(0.3);
    const end = timing.preInfusionMin + timing.infusionMin + timing.recoveryMin;
    expect(sessions.flat().filter((e) => e.atMin < timing.preInfusionMin || e.atMin >= end)).toEqual([]);
  });

  it("checks MOAA/S during and after the infusion: mostly 5-4, sometimes 3, rarely 2 or lower", () => {
    const lowest = Array.from({ length: 1500 }, (_, seed) => {
      const plan = planSession({ seed });
      const checks = plan.discrete.flatMap((e) =>
        e.line.kind === "observation" && e.line.type === "sedation" ? [e.line.moaas!] : [],
      );
      expect(checks.length).toBe(3 + 4);
      return Math.min(...checks);
    });
    const share = (f: (m: number) => boolean) => lowest.filter(f).length / lowest.length;
    expect(share((m) => m >= 4)).toBeGreaterThan(0.8);
    expect(share((m) => m === 3)).toBeGreaterThan(0.05);
    expect(share((m) => m <= 2)).toBeLessThan(0.04);
  });

  it("reports the MOAA/S the patient truly has at the check", () => {
    const plan = planSession({ seed: 11 });
    for (const e of plan.discrete) {
      if (e.line.kind !== "observation" || e.line.type !== "sedation") continue;
      expect(e.line.moaas).toBe(trueMoaasAt(plan.physiology, (e.ms - plan.startMs) / 60_000));
    }
  });
});
