import { z } from "zod";

/**
 * Discharge rules as data (like the alert profile): how long to observe and from when, how many
 * recovery vital sets, how close to baseline, the SpO2 floor, the MOAA/S required and the PADSS pass mark.
 */
export const observationStartSchema = z.enum(["infusion_stop", "infusion_start"]);
export type ObservationStart = z.infer<typeof observationStartSchema>;

export const dischargeProfileSchema = z.strictObject({
  name: z.string().min(1),
  /** Minimum observation: `minutes` counted from the infusion stop (IV ketamine) or start (esketamine dosing). */
  observation: z.strictObject({ minutes: z.number().int().min(0), from: observationStartSchema }),
  /** Vital sets (BP and HR in one reading) observed at or after the infusion stop. */
  recoveryVitalSets: z.number().int().min(0),
  /** Last BP (SBP and DBP) and HR within this percentage of baseline (inclusive). */
  baselineTolerancePercent: z.number().positive(),
  /** The last SpO2 must be strictly above this. */
  spo2Above: z.number().int(),
  /** The latest sedation check since the infusion stopped must be this MOAA/S level. */
  requiredMoaas: z.number().int().min(0).max(5),
  /** Modified PADSS pass mark, out of 10. */
  padssMinimum: z.number().int().min(0).max(10),
});
export type DischargeProfile = z.infer<typeof dischargeProfileSchema>;

/** IV racemic ketamine: 30 min after the infusion stopped. */
export const defaultDischargeProfile: DischargeProfile = {
  name: "IV ketamine",
  observation: { minutes: 30, from: "infusion_stop" },
  recoveryVitalSets: 2,
  baselineTolerancePercent: 20,
  spo2Above: 92,
  requiredMoaas: 5,
  padssMinimum: 9,
};

/** Esketamine-style monitoring: 2 h from the start of dosing, whatever the stop time. */
export const esketamineDischargeProfile: DischargeProfile = {
  ...defaultDischargeProfile,
  name: "Esketamine (2 h from dosing)",
  observation: { minutes: 120, from: "infusion_start" },
};
