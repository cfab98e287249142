import type { Patient } from "./patient.ts";
import { clamp, type Random, round1 } from "./random.ts";

/**
 * The haemodynamic and sedative response to racemic ketamine 0.5 mg/kg over 40 min, as one smooth
 * shape in time (0..1) scaled by per-session amplitudes. Calibrated against clinical.md section 3
 * (see server/simulator/README.md for the calibration table).
 */

export interface ResponseParams {
  /** Peak rises above baseline (mmHg, bpm); may be slightly negative (an anxious baseline settling). */
  sbpRise: number;
  dbpRise: number;
  hrRise: number;
  /** Minutes after the infusion start at which the response peaks (30-40). */
  peakMin: number;
  /** Time constant of the offset after the infusion stops (min); 90 min after stop < 1 % remains. */
  offsetTauMin: number;
  /** Deepest sedation reached: MOAA/S falls by this many points at the peak (0..5). */
  sedationDepth: number;
}

/** Slow decline between the peak and the end of the infusion. */
const PLATEAU_TAU_MIN = 80;

/**
 * Shape of the response, 0 before the infusion, rising smoothly (half-cosine) to 1 at `peakMin`,
 * drooping slightly until the infusion stops, then decaying exponentially.
 */
export function responseShape(
  minSinceInfusionStart: number,
  infusionMin: number,
  peakMin: number,
  offsetTauMin: number,
): number {
  const x = minSinceInfusionStart;
  if (x <= 0) return 0;
  const peak = Math.min(peakMin, infusionMin);
  if (x <= peak) return (1 - Math.cos((Math.PI * x) / peak)) / 2;
  const atStop = Math.exp(-(infusionMin - peak) / PLATEAU_TAU_MIN);
  if (x <= infusionMin) return Math.exp(-(x - peak) / PLATEAU_TAU_MIN);
  return atStop * Math.exp(-(x - infusionMin) / offsetTauMin);
}

/**
 * Sedation follows the drug more closely: it starts ~5 min into the infusion, is deepest at the
 * end of the infusion and wears off within ~30 min after the stop.
 */
export function sedationShape(minSinceInfusionStart: number, infusionMin: number): number {
  const x = minSinceInfusionStart;
  if (x <= 5) return 0;
  if (x <= infusionMin) return Math.min(1, ((x - 5) / (infusionMin - 5)) ** 0.7);
  return Math.exp(-(x - infusionMin) / 9);
}

/** Model coefficients (mmHg); the calibration in the README was produced with these values. */
export const responseCoefficients = {
  sbp: { intercept: 13.6, perYear: 0.14, hypertensive: 3.5, firstThree: 7, residualSd: 7.2 },
  dbp: { intercept: 9.5, perYear: 0.07, hypertensive: 1.5, firstThree: 4.5, residualSd: 5.4 },
  /** Correlation of the SBP and DBP residuals within a session. */
  rho: 0.65,
  hr: { mean: 6, sd: 5 },
} as const;

/** Expected (mean) peak rises for a patient and infusion number, before the session's own variation. */
export function expectedRise(patient: Patient, infusionNumber: number): { sbp: number; dbp: number } {
  const first = infusionNumber <= 3 ? 1 : 0;
  const htn = patient.hypertensive ? 1 : 0;
  const age = patient.age - 45;
  const { sbp, dbp } = responseCoefficients;
  return {
    sbp: sbp.intercept + sbp.perYear * age + sbp.hypertensive * htn + sbp.firstThree * first,
    dbp: dbp.intercept + dbp.perYear * age + dbp.hypertensive * htn + dbp.firstThree * first,
  };
}

/** MOAA/S mostly 5-4, sometimes 3, rarely 2 or lower (clinical.md section 5; shares unverified). */
const sedationDepths: readonly (readonly [number, number])[] = [
  [0, 0.4],
  [1, 0.43],
  [2, 0.148],
  [3, 0.016],
  [4, 0.005],
  [5, 0.001],
];

export function drawResponse(rng: Random, patient: Patient, infusionNumber: number): ResponseParams {
  const mean = expectedRise(patient, infusionNumber);
  const { sbp, dbp, rho, hr } = responseCoefficients;
  const z1 = rng.normal();
  const z2 = rho * z1 + Math.sqrt(1 - rho * rho) * rng.normal();
  const sbpRise = clamp(mean.sbp + sbp.residualSd * z1, -12, 75);
  const dbpRise = clamp(mean.dbp + dbp.residualSd * z2, -10, 50);
  const hrRise = clamp(rng.normal(hr.mean, hr.sd), -6, 30);
  return {
    sbpRise: round1(sbpRise),
    dbpRise: round1(dbpRise),
    hrRise: round1(hrRise),
    peakMin: round1(rng.truncNormal(36, 2.5, 30, 40)),
    offsetTauMin: round1(rng.truncNormal(15, 2, 10, 19)),
    sedationDepth: rng.pick(sedationDepths),
  };
}
