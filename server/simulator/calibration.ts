import { monitorSchema, timingSchema } from "./model/config.ts";
import { groundTruth, type TruthSummary } from "./model/labels.ts";
import { ageBand, ageBands } from "./model/patient.ts";
import { type Physiology, planPhysiology, trueVitalsAt } from "./model/physiology.ts";
import { hash32, hashNormal } from "./model/random.ts";
import type { ScenarioName } from "./model/scenarios.ts";

/** The cohort's haemodynamic figures next to the published ones (clinical.md section 3). */

export interface CohortSession {
  physiology: Physiology;
  truth: TruthSummary;
}

/** Seed of session `index` (0-based) of a cohort. */
export function sessionSeed(cohortSeed: number, index: number): number {
  return hash32(cohortSeed, index + 1);
}

/** A cohort of the noise-free model only (no monitor output): fast enough for a unit test. */
export function noiseFreeCohort(
  n: number,
  seed: number,
  scenario: ScenarioName = "typical",
  stepSec = 15,
): CohortSession[] {
  const timing = timingSchema.parse({});
  return Array.from({ length: n }, (_, i) => {
    const physiology = planPhysiology({ seed: sessionSeed(seed, i), scenario, timing });
    return { physiology, truth: groundTruth(physiology, stepSec) };
  });
}

export const publishedTargets = {
  peakSbpRise: {
    mean: 16.0,
    sd: 11.2,
    source: "Yale 2024 (2,342 infusions): SBP peak at 40 min +16.0 (SD 11.2)",
  },
  peakDbpRise: { mean: 11.0, sd: 8.5, source: "Yale 2024: DBP peak at 40 min +11.0 (SD 8.5)" },
  peakMinute: { value: 40, source: "Yale 2024: peak 40 min after start (readings every 10 min)" },
  severeShare: { value: 0.0098, source: "Yale 2024: severe hypertension in 0.98 % of sessions" },
  severeInFirstThree: { value: 0.43, source: "Yale 2024: 43 % of severe episodes in infusions 1-3" },
  reached165over100: {
    value: 0.443,
    source: "Rodrigues 2022 (203 patients, per patient over a course): 44.3 % ≥ 165/100",
  },
  esketamineRelativeRise: {
    min: 0.08,
    max: 0.19,
    source: "Esketamine label: 8-19 % SBP > +40 and/or DBP > +25",
  },
} as const;

interface Stats {
  n: number;
  mean: number;
  sd: number;
}

function stats(values: readonly number[]): Stats {
  const n = values.length;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean: r2(mean), sd: r2(Math.sqrt(variance)) };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const share = (part: number, whole: number) =>
  whole === 0 ? Number.NaN : Math.round((part / whole) * 10000) / 10000;

export interface CalibrationReport {
  sessions: number;
  /** Minute after infusion start at which the cohort's mean SBP rise peaks. */
  meanCurvePeakMinute: number;
  /**
   * Rise as Yale measured it: one oscillometric reading at the mean-curve peak minus one pre-infusion
   * reading (each with the monitor's measurement noise). This is the figure calibrated to Yale's.
   */
  sbpMeasuredRise: Stats;
  dbpMeasuredRise: Stats;
  /** Rise of the noise-free signal above the true baseline at that minute. */
  sbpRiseAtPeak: Stats;
  dbpRiseAtPeak: Stats;
  hrRiseAtPeak: Stats;
  /** Each session's own maximum rise (always at least the rise at the mean peak). */
  sbpMaxRise: Stats;
  dbpMaxRise: Stats;
  /** Mean SBP rise 90 min after the infusion stops (back to baseline: close to 0). */
  sbpRise90AfterStop: Stats;
  severeShare: number;
  severeSessions: number;
  severeInFirstThreeShare: number;
  firstThreeSessionShare: number;
  reached165over100Share: number;
  relativeRise40or25Share: number;
  hypertensivePatientShare: number;
  byAgeBand: { band: string; sessions: number; sbpRise: number; dbpRise: number; severeShare: number }[];
  byHypertension: {
    hypertensive: boolean;
    sessions: number;
    sbpRise: number;
    dbpRise: number;
    severeShare: number;
  }[];
  byInfusion: {
    group: "1-3" | "4+";
    sessions: number;
    sbpRise: number;
    dbpRise: number;
    severeShare: number;
  }[];
  published: typeof publishedTargets;
}

const defaultNoise = monitorSchema.parse({}).noise;

export function calibrationReport(
  cohort: readonly CohortSession[],
  noise: { nibpSbp: number; nibpDbp: number } = defaultNoise,
): CalibrationReport {
  const minutes = Array.from({ length: 131 }, (_, m) => m);
  const curve = minutes.map(() => 0);
  const rows = cohort.map(({ physiology: p }) => {
    const start = p.timing.preInfusionMin;
    const sbp = minutes.map((m) => trueVitalsAt(p, start + m).sbp - p.patient.baseline.sbp);
    sbp.forEach((v, m) => {
      curve[m]! += v / cohort.length;
    });
    return sbp;
  });
  let peak = 0;
  for (const m of minutes) if (curve[m]! > curve[peak]!) peak = m;
  const per = cohort.map(({ physiology: p, truth }, i) => {
    const start = p.timing.preInfusionMin;
    const atPeak = trueVitalsAt(p, start + peak);
    const stop = start + p.timing.infusionMin;
    const base = trueVitalsAt(p, start - 5);
    const err = (k: number) => hashNormal(p.seed, 0xca1b, k);
    return {
      sbpMeasured: atPeak.sbp + noise.nibpSbp * err(1) - (base.sbp + noise.nibpSbp * err(2)),
      dbpMeasured: atPeak.dbp + noise.nibpDbp * err(3) - (base.dbp + noise.nibpDbp * err(4)),
      p,
      truth,
      sbp: rows[i]![peak]!,
      dbp: atPeak.dbp - p.patient.baseline.dbp,
      hr: atPeak.hr - p.patient.baseline.hr,
      sbpMax: truth.maxSbp - p.patient.baseline.sbp,
      dbpMax: truth.maxDbp - p.patient.baseline.dbp,
      sbp90: trueVitalsAt(p, stop + 90).sbp - p.patient.baseline.sbp,
      first: p.infusionNumber <= 3,
    };
  });
  const group = (subset: typeof per) => ({
    sessions: subset.length,
    sbpRise: stats(subset.map((s) => s.sbp)).mean,
    dbpRise: stats(subset.map((s) => s.dbp)).mean,
    severeShare: share(subset.filter((s) => s.truth.severeHypertension).length, subset.length),
  });
  const severe = per.filter((s) => s.truth.severeHypertension);
  return {
    sessions: cohort.length,
    meanCurvePeakMinute: peak,
    sbpMeasuredRise: stats(per.map((s) => s.sbpMeasured)),
    dbpMeasuredRise: stats(per.map((s) => s.dbpMeasured)),
    sbpRiseAtPeak: stats(per.map((s) => s.sbp)),
    dbpRiseAtPeak: stats(per.map((s) => s.dbp)),
    hrRiseAtPeak: stats(per.map((s) => s.hr)),
    sbpMaxRise: stats(per.map((s) => s.sbpMax)),
    dbpMaxRise: stats(per.map((s) => s.dbpMax)),
    sbpRise90AfterStop: stats(per.map((s) => s.sbp90)),
    severeShare: share(severe.length, per.length),
    severeSessions: severe.length,
    severeInFirstThreeShare: share(severe.filter((s) => s.first).length, severe.length),
    firstThreeSessionShare: share(per.filter((s) => s.first).length, per.length),
    reached165over100Share: share(per.filter((s) => s.truth.reached165over100).length, per.length),
    relativeRise40or25Share: share(per.filter((s) => s.sbpMax > 40 || s.dbpMax > 25).length, per.length),
    hypertensivePatientShare: share(per.filter((s) => s.p.patient.hypertensive).length, per.length),
    byAgeBand: ageBands.map((b) => ({
      band: b.label,
      ...group(per.filter((s) => ageBand(s.p.patient.age) === b.label)),
    })),
    byHypertension: [true, false].map((h) => ({
      hypertensive: h,
      ...group(per.filter((s) => s.p.patient.hypertensive === h)),
    })),
    byInfusion: (["1-3", "4+"] as const).map((g) => ({
      group: g,
      ...group(per.filter((s) => s.first === (g === "1-3"))),
    })),
    published: publishedTargets,
  };
}
