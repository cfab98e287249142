import { phaseTimes } from "./config.ts";
import { type Physiology, type TrueVitals, trueVitalsAt } from "./physiology.ts";

/**
 * Ground truth: the clinically significant episodes of a session, found on the noise-free signal
 * (never on the noisy measurements), so alarm quality can be measured against truth.
 */

export const labelKinds = [
  "sbp_high",
  "dbp_high",
  "hypotension",
  "hr_high",
  "bradycardia",
  "spo2_low",
  "rr_low",
  "sedation_deep",
] as const;
export type LabelKind = (typeof labelKinds)[number];

interface LabelRule {
  kind: LabelKind;
  parameter: keyof TrueVitals;
  meets: (v: number) => boolean;
  /** Minimum duration in minutes (0: any duration). */
  minDurationMin: number;
  /** The worst value is the highest (true) or the lowest (false). */
  worstIsHigh: boolean;
  definition: string;
}

export const labelRules: readonly LabelRule[] = [
  {
    kind: "sbp_high",
    parameter: "sbp",
    meets: (v) => v >= 180,
    minDurationMin: 5,
    worstIsHigh: true,
    definition: "SBP ≥ 180 mmHg for ≥ 5 min",
  },
  {
    kind: "dbp_high",
    parameter: "dbp",
    meets: (v) => v >= 110,
    minDurationMin: 5,
    worstIsHigh: true,
    definition: "DBP ≥ 110 mmHg for ≥ 5 min",
  },
  {
    kind: "hypotension",
    parameter: "sbp",
    meets: (v) => v < 90,
    minDurationMin: 1,
    worstIsHigh: false,
    definition: "SBP < 90 mmHg for ≥ 1 min",
  },
  {
    kind: "hr_high",
    parameter: "hr",
    meets: (v) => v >= 120,
    minDurationMin: 5,
    worstIsHigh: true,
    definition: "HR ≥ 120 bpm for ≥ 5 min",
  },
  {
    kind: "bradycardia",
    parameter: "hr",
    meets: (v) => v < 50,
    minDurationMin: 0.5,
    worstIsHigh: false,
    definition: "HR < 50 bpm for ≥ 30 s",
  },
  {
    kind: "spo2_low",
    parameter: "spo2",
    meets: (v) => v < 88,
    minDurationMin: 0.5,
    worstIsHigh: false,
    definition: "SpO2 < 88 % for ≥ 30 s",
  },
  {
    kind: "rr_low",
    parameter: "rr",
    meets: (v) => v < 8,
    minDurationMin: 0.5,
    worstIsHigh: false,
    definition: "RR < 8 /min for ≥ 30 s",
  },
  {
    kind: "sedation_deep",
    parameter: "moaas",
    meets: (v) => v <= 2,
    minDurationMin: 0,
    worstIsHigh: false,
    definition: "MOAA/S ≤ 2, any duration",
  },
];

export interface Label {
  kind: LabelKind;
  /** Session minutes: first instant meeting the condition, first instant no longer meeting it. */
  startMin: number;
  endMin: number;
  /** The worst true value during the episode, rounded to 0.1. */
  worst: number;
}

export interface TruthSummary {
  labels: Label[];
  maxSbp: number;
  maxDbp: number;
  /** Severe hypertension: an sbp_high or dbp_high episode (sustained ≥ 5 min). */
  severeHypertension: boolean;
  /** Rodrigues 2022's treatment-emergent hypertension: SBP ≥ 165 or DBP ≥ 100 at any instant. */
  reached165over100: boolean;
}

/** Scans the truth from the session start to discharge every `stepSec` seconds (1 s for the recordings). */
export function groundTruth(phys: Physiology, stepSec = 1): TruthSummary {
  const end = phaseTimes(phys.timing).discharged;
  const step = stepSec / 60;
  const labels: Label[] = [];
  const open = new Map<LabelKind, { startMin: number; worst: number }>();
  let maxSbp = -Infinity;
  let maxDbp = -Infinity;
  const close = (rule: LabelRule, at: number) => {
    const run = open.get(rule.kind);
    if (!run) return;
    open.delete(rule.kind);
    // A tolerance of half a step: the run is measured on the sampling grid.
    if (at - run.startMin + step / 2 >= rule.minDurationMin) {
      labels.push({
        kind: rule.kind,
        startMin: run.startMin,
        endMin: at,
        worst: Math.round(run.worst * 10) / 10,
      });
    }
  };
  const n = Math.round(end / step);
  for (let i = 0; i < n; i++) {
    const minute = i * step;
    const v = trueVitalsAt(phys, minute);
    if (v.sbp > maxSbp) maxSbp = v.sbp;
    if (v.dbp > maxDbp) maxDbp = v.dbp;
    for (const rule of labelRules) {
      const value = v[rule.parameter];
      if (rule.meets(value)) {
        const run = open.get(rule.kind);
        if (!run) open.set(rule.kind, { startMin: minute, worst: value });
        else if (rule.worstIsHigh ? value > run.worst : value < run.worst) run.worst = value;
      } else close(rule, minute);
    }
  }
  for (const rule of labelRules) close(rule, end);
  labels.sort((a, b) => a.startMin - b.startMin || labelKinds.indexOf(a.kind) - labelKinds.indexOf(b.kind));
  return {
    labels,
    maxSbp: Math.round(maxSbp * 10) / 10,
    maxDbp: Math.round(maxDbp * 10) / 10,
    severeHypertension: labels.some((l) => l.kind === "sbp_high" || l.kind === "dbp_high"),
    reached165over100: maxSbp >= 165 || maxDbp >= 100,
  };
}
