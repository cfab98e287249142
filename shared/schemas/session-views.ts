import { z } from "zod";
import { addendumSchema } from "./addendum.ts";
import { alertPrioritySchema, alertSchema } from "./alert.ts";
import { dischargeSignatureSchema } from "./discharge.ts";
import { dischargeReadinessSchema } from "./discharge-readiness.ts";
import { observationSchema } from "./observation.ts";
import { patientSchema } from "./patient.ts";
import { infusionSessionSchema } from "./session.ts";
import { vitalsReadingSchema } from "./vitals.ts";

/** Everything the session page shows, fetched once and then kept current by socket events. */
export const sessionDetailSchema = z.object({
  session: infusionSessionSchema,
  patient: patientSchema,
  vitals: z.array(vitalsReadingSchema),
  observations: z.array(observationSchema),
  alerts: z.array(alertSchema),
  discharge: dischargeSignatureSchema.nullable(),
  /**
   * Discharge readiness: evaluated now while the session is open, as it stood at signing once
   * discharged. Optional in the contract (hand-built details keep compiling); the server always sends it.
   */
  dischargeReadiness: dischargeReadinessSchema.nullable().optional(),
  /** Notes added to the record, oldest first (also after sign-off). */
  addenda: z.array(addendumSchema).optional(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

const latestValueSchema = z
  .object({ value: z.number(), observedAt: z.iso.datetime({ offset: true }) })
  .nullable();

/**
 * The newest value of each parameter, wherever it came from: a monitor sends HR and SpO2 every second
 * and BP every few minutes, so the newest reading alone would hide the last BP.
 */
export const latestValuesSchema = z.object({
  sbp: latestValueSchema,
  dbp: latestValueSchema,
  map: latestValueSchema,
  hr: latestValueSchema,
  spo2: latestValueSchema,
  rr: latestValueSchema,
});
export type LatestValues = z.infer<typeof latestValuesSchema>;

/** One central-station tile. */
export const sessionSummarySchema = z.object({
  session: infusionSessionSchema,
  patient: patientSchema.pick({ id: true, fullName: true, mrn: true }),
  latestVitals: vitalsReadingSchema.nullable(),
  latestValues: latestValuesSchema,
  openAlerts: z.array(alertSchema),
  worstOpenPriority: alertPrioritySchema.nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const recordVitalsResponseSchema = z.object({
  reading: vitalsReadingSchema,
  alerts: z.array(alertSchema),
  /** false when the id was already stored: a retry, nothing new was written. */
  created: z.boolean(),
});
export type RecordVitalsResponse = z.infer<typeof recordVitalsResponseSchema>;

export const recordObservationResponseSchema = z.object({
  observation: observationSchema,
  alerts: z.array(alertSchema),
  created: z.boolean(),
});
export type RecordObservationResponse = z.infer<typeof recordObservationResponseSchema>;
