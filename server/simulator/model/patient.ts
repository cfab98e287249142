import { clamp, type Random, round1 } from "./random.ts";

/**
 * Simulated adult outpatients of a ketamine clinic. Distributions are approximations of adult
 * population data (NHANES-like), documented in server/simulator/README.md; a clinic's own case mix
 * may differ.
 */

export type Sex = "female" | "male";

export interface Baseline {
  sbp: number;
  dbp: number;
  hr: number;
  spo2: number;
  rr: number;
}

export interface Patient {
  age: number;
  sex: Sex;
  weightKg: number;
  /** Known hypertension (treated or not); ~36 % of the cohort, rising with age. */
  hypertensive: boolean;
  /** Noise-free resting values (the physiological truth the pre-infusion readings measure). */
  baseline: Baseline;
}

/** Logistic prevalence of hypertension by age: ~13 % at 25, ~35 % at 45, ~66 % at 65. */
export function hypertensionProbability(age: number): number {
  const logit = -0.62 + 0.064 * (age - 45);
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Baseline BP rises with age. Hypertensive patients are mostly treated; the clinic defers an infusion
 * when the resting BP is above 160/100, so baselines are drawn inside the range a clinic would start at.
 */
function drawBaseline(rng: Random, age: number, sex: Sex, hypertensive: boolean): Baseline {
  const male = sex === "male" ? 1 : 0;
  const sbp = hypertensive
    ? rng.truncNormal(131.5 + 0.3 * (age - 45) + 3 * male, 9, 115, 160)
    : rng.truncNormal(115 + 0.25 * (age - 45) + 4 * male, 8.5, 95, 139);
  const dbp = hypertensive
    ? rng.truncNormal(79 + 0.05 * (age - 45) + 2 * male, 6, 64, 99)
    : rng.truncNormal(72 + 0.1 * (age - 45) + 2 * male, 6.5, 55, 89);
  const hr = rng.truncNormal(74 - 3 * male, 9, 52, 105);
  const spo2 = rng.truncNormal(97.6 - 0.03 * (age - 45), 0.9, 94.5, 99.6);
  const rr = rng.truncNormal(14, 1.8, 10, 20);
  return {
    sbp: round1(sbp),
    dbp: round1(Math.min(dbp, sbp - 25)),
    hr: round1(hr),
    spo2: round1(spo2),
    rr: round1(rr),
  };
}

export function generatePatient(rng: Random): Patient {
  const age = Math.round(rng.truncNormal(44, 13, 18, 80));
  const sex: Sex = rng.chance(0.55) ? "female" : "male";
  const weightKg = round1(
    sex === "male" ? rng.truncNormal(88, 17, 50, 160) : rng.truncNormal(76, 18, 42, 150),
  );
  const hypertensive = rng.chance(hypertensionProbability(age));
  return { age, sex, weightKg, hypertensive, baseline: drawBaseline(rng, age, sex, hypertensive) };
}

/**
 * Which infusion of the patient's course this session is: 1..6 induction, 7+ maintenance.
 * Weights reproduce a clinic's session mix in which ~18 % of sessions are infusions 1-3 (Yale 2024:
 * 2,342 infusions in 138 patients, ~17 per patient).
 */
export function drawInfusionNumber(rng: Random): number {
  const u = rng.uniform();
  if (u < 0.18) return 1 + Math.floor((u / 0.18) * 3);
  if (u < 0.33) return 4 + Math.floor(((u - 0.18) / 0.15) * 3);
  return clamp(7 + Math.floor(rng.exponential(8)), 7, 60);
}

export const ageBands = [
  { label: "18-39", min: 18, max: 39 },
  { label: "40-59", min: 40, max: 59 },
  { label: "60+", min: 60, max: 200 },
] as const;

export function ageBand(age: number): string {
  return ageBands.find((b) => age >= b.min && age <= b.max)?.label ?? "60+";
}
