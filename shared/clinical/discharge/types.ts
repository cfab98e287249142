import type { AlertParameter, AlertPriority } from "../../schemas/alert.ts";
import type { Severity } from "../../schemas/observation.ts";
import type { ChecklistItems } from "./checklist.ts";

/** Epoch milliseconds; the discharge logic never reads a clock: `now` is an input. */
export type Millis = number;

/** A stored reading that is not entered in error (amended readings are left out by the caller). */
export interface DischargeReading {
  t: Millis;
  sbp: number | null;
  dbp: number | null;
  hr: number | null;
  spo2: number | null;
}

/**
 * Everything the evaluation reads. `baseline` is the alert engine's fixed baseline (the mean of the
 * last up-to-3 pre-infusion readings per parameter, fixed when the infusion starts): one definition
 * for the alert rules and for discharge.
 */
export interface DischargeInputs {
  now: Millis;
  infusionStartedAt: Millis | null;
  infusionStoppedAt: Millis | null;
  readings: readonly DischargeReading[];
  sedationChecks: readonly { t: Millis; moaas: number }[];
  /** Nausea and vomiting observations (for the PADSS nausea item). */
  nauseaEvents: readonly { t: Millis; type: "nausea" | "vomiting"; severity: Severity | null }[];
  openAlerts: readonly { parameter: AlertParameter; priority: AlertPriority }[];
  baseline: { sbp?: number | undefined; dbp?: number | undefined; hr?: number | undefined };
  checklist: ChecklistItems;
}

export const automaticCriterionIds = [
  "observation_time",
  "recovery_vital_sets",
  "vitals_near_baseline",
  "spo2",
  "no_open_alerts",
  "moaas",
] as const;
export type AutomaticCriterionId = (typeof automaticCriterionIds)[number];

/** One discharge criterion as shown and as stored with the signature. */
export interface Criterion {
  id: string;
  label: string;
  met: boolean;
  reason: string;
}
