import { z } from "zod";
import { alertSchema } from "./alert.ts";
import { amendmentReasonSchema } from "./entered-in-error.ts";
import { observationSchema, recordObservationRequestSchema } from "./observation.ts";
import { recordVitalsRequestSchema, vitalsReadingSchema } from "./vitals.ts";

/** Mark a reading entered in error, with a reason and optionally the corrected entry (a new reading). */
export const readingEnteredInErrorRequestSchema = z.strictObject({
  reason: amendmentReasonSchema,
  correction: recordVitalsRequestSchema.optional(),
});
export type ReadingEnteredInErrorRequest = z.input<typeof readingEnteredInErrorRequestSchema>;

export const observationEnteredInErrorRequestSchema = z.strictObject({
  reason: amendmentReasonSchema,
  correction: recordObservationRequestSchema.optional(),
});
export type ObservationEnteredInErrorRequest = z.input<typeof observationEnteredInErrorRequestSchema>;

export const readingAmendmentResponseSchema = z.object({
  original: vitalsReadingSchema,
  correction: vitalsReadingSchema.nullable(),
  /** Alerts the corrected reading raised or changed. */
  alerts: z.array(alertSchema),
});
export type ReadingAmendmentResponse = z.infer<typeof readingAmendmentResponseSchema>;

export const observationAmendmentResponseSchema = z.object({
  original: observationSchema,
  correction: observationSchema.nullable(),
  alerts: z.array(alertSchema),
});
export type ObservationAmendmentResponse = z.infer<typeof observationAmendmentResponseSchema>;
