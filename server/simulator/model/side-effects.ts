import type { ObservationType, Severity } from "../../../shared/schemas/observation.ts";
import type { Timing } from "./config.ts";
import type { Random } from "./random.ts";
import { round1 } from "./random.ts";
import type { ScenarioEffects } from "./scenarios.ts";

/**
 * Side effects of one session, drawn with the published incidences (Rodrigues 2022, 203 patients:
 * drowsiness 56.4 %, dizziness 45.2 %, dissociation 35.6 %, nausea 13.3 %). The rarer ones listed in
 * clinical.md section 1 have no published incidence there: their figures are unverified defaults.
 * Onsets are in minutes after the infusion start (negative never; recovery starts at `infusionMin`).
 */

export interface SideEffect {
  type: ObservationType;
  severity: Severity;
  /** Session minute at which the nurse records it. */
  atMin: number;
}

type Severities = readonly (readonly [Severity, number])[];

interface SideEffectSpec {
  type: ObservationType;
  incidence: number;
  /** Onset window, minutes after the infusion start. */
  onset: readonly [number, number];
  severities: Severities;
}

const usual: Severities = [
  ["mild", 0.65],
  ["moderate", 0.3],
  ["severe", 0.05],
];

export const sideEffectSpecs: readonly SideEffectSpec[] = [
  { type: "dizziness", incidence: 0.452, onset: [5, 45], severities: usual },
  {
    type: "dissociation",
    incidence: 0.356,
    onset: [5, 30],
    severities: [
      ["mild", 0.55],
      ["moderate", 0.37],
      ["severe", 0.08],
    ],
  },
  { type: "nausea", incidence: 0.133, onset: [20, 85], severities: usual },
  { type: "blurred_vision", incidence: 0.1, onset: [10, 40], severities: usual },
  { type: "headache", incidence: 0.08, onset: [30, 90], severities: usual },
  { type: "anxiety", incidence: 0.07, onset: [3, 30], severities: usual },
  { type: "confusion", incidence: 0.03, onset: [25, 55], severities: usual },
  { type: "palpitations", incidence: 0.03, onset: [10, 40], severities: usual },
  { type: "hallucinations", incidence: 0.015, onset: [15, 40], severities: usual },
  { type: "chest_pain", incidence: 0.002, onset: [15, 60], severities: usual },
  { type: "seizure", incidence: 0.0002, onset: [10, 50], severities: [["severe", 1]] },
];

/** Drowsiness follows sedation: likelier when the MOAA/S falls at all, keeping 56.4 % overall. */
export const DROWSINESS_INCIDENCE = 0.564;
const DROWSY_IF_SEDATED = 0.8;
/** Share of sessions with any sedation (sedation depth >= 1) in the response model. */
const SEDATED_SHARE = 0.6;
const DROWSY_IF_NOT = (DROWSINESS_INCIDENCE - SEDATED_SHARE * DROWSY_IF_SEDATED) / (1 - SEDATED_SHARE);

export function drawSideEffects(
  rng: Random,
  timing: Timing,
  sedationDepth: number,
  scenario: ScenarioEffects,
): SideEffect[] {
  const start = timing.preInfusionMin;
  const lastMin = start + timing.infusionMin + timing.recoveryMin - 1;
  const out: SideEffect[] = [];
  const add = (type: ObservationType, severity: Severity, atMin: number) =>
    out.push({ type, severity, atMin: round1(Math.min(lastMin, Math.max(start, atMin))) });
  if (rng.chance(sedationDepth >= 1 ? DROWSY_IF_SEDATED : DROWSY_IF_NOT)) {
    const severity: Severity =
      sedationDepth >= 2
        ? rng.pick([
            ["moderate", 0.6],
            ["severe", 0.4],
          ])
        : rng.pick(usual);
    add("drowsiness", severity, start + rng.between(8, 35));
  }
  for (const spec of sideEffectSpecs) {
    if (!rng.chance(spec.incidence)) continue;
    const at = start + rng.between(spec.onset[0], spec.onset[1]);
    add(spec.type, rng.pick(spec.severities), at);
    if (spec.type === "nausea" && rng.chance(0.2)) add("vomiting", rng.pick(usual), at + rng.between(2, 15));
  }
  if (sedationDepth >= 5)
    add("loss_of_consciousness", "severe", start + timing.infusionMin - rng.between(0, 4));
  if (scenario.vasovagal) {
    add("dizziness", "moderate", scenario.vasovagal.startMin + scenario.vasovagal.rampInMin);
    add("nausea", "moderate", scenario.vasovagal.startMin + scenario.vasovagal.rampInMin + 0.5);
  }
  if (scenario.hypertensivePeak) add("headache", "moderate", start + rng.between(30, 40));
  return out.sort((a, b) => a.atMin - b.atMin);
}
