import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { amendableFields } from "./entered-in-error.ts";
import { actorSchema } from "./user.ts";

/**
 * Hard physiological bounds: a value outside them cannot be a real measurement and is refused.
 * Plausible but extreme values inside them are accepted and alert.
 */
export const vitalBounds = {
  sbp: { min: 20, max: 300, unit: "mmHg", label: "Systolic BP" },
  dbp: { min: 10, max: 250, unit: "mmHg", label: "Diastolic BP" },
  hr: { min: 20, max: 300, unit: "bpm", label: "Heart rate" },
  spo2: { min: 40, max: 100, unit: "%", label: "SpO2" },
  rr: { min: 0, max: 80, unit: "/min", label: "Respiratory rate" },
} as const;
export type VitalParameter = keyof typeof vitalBounds;
export const vitalParameters = Object.keys(vitalBounds) as VitalParameter[];

const vital = (p: VitalParameter) => {
  const { min, max } = vitalBounds[p];
  const message = `must be an integer between ${min} and ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

export const readingSources = ["manual", "monitor"] as const;
export const readingSourceSchema = z.enum(readingSources, {
  error: `must be one of: ${readingSources.join(", ")}`,
});
export type ReadingSource = z.infer<typeof readingSourceSchema>;

export const vitalsValuesSchema = z.strictObject({
  sbp: vital("sbp").optional(),
  dbp: vital("dbp").optional(),
  hr: vital("hr").optional(),
  spo2: vital("spo2").optional(),
  rr: vital("rr").optional(),
});

type VitalsEntry = { sbp?: number; dbp?: number; hr?: number; spo2?: number; rr?: number };

/** At least one value, systolic with diastolic, systolic above diastolic: the rules of every entry. */
function checkVitalsEntry(v: VitalsEntry, ctx: z.RefinementCtx): void {
  if (vitalParameters.every((p) => v[p] === undefined)) {
    ctx.addIssue({ code: "custom", path: ["sbp"], message: "enter at least one vital sign" });
  }
  if ((v.sbp === undefined) !== (v.dbp === undefined)) {
    const missing = v.sbp === undefined ? "sbp" : "dbp";
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: "systolic and diastolic must be entered together",
    });
  }
  if (v.sbp !== undefined && v.dbp !== undefined && v.sbp <= v.dbp) {
    ctx.addIssue({ code: "custom", path: ["sbp"], message: "systolic must be above diastolic" });
  }
}

export const recordVitalsRequestSchema = vitalsValuesSchema
  .extend({
    id: idSchema,
    observedAt: instantSchema,
    source: readingSourceSchema.default("manual"),
  })
  .superRefine(checkVitalsEntry);
export type RecordVitalsRequest = z.input<typeof recordVitalsRequestSchema>;
export type RecordVitals = z.output<typeof recordVitalsRequestSchema>;

/** A device's reading (ingest by chair): the same entry, but always from the monitor. */
export const ingestVitalsRequestSchema = vitalsValuesSchema
  .extend({
    id: idSchema,
    observedAt: instantSchema,
    source: z
      .literal("monitor", { error: "must be monitor: a device records monitor readings" })
      .default("monitor"),
  })
  .superRefine(checkVitalsEntry);
export type IngestVitalsRequest = z.input<typeof ingestVitalsRequestSchema>;
export type IngestVitals = z.output<typeof ingestVitalsRequestSchema>;

export const vitalsReadingSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  observedAt: instantSchema,
  recordedAt: instantSchema,
  source: readingSourceSchema,
  sbp: z.number().int().nullable(),
  dbp: z.number().int().nullable(),
  map: z.number().int().nullable(),
  hr: z.number().int().nullable(),
  spo2: z.number().int().nullable(),
  rr: z.number().int().nullable(),
  recordedBy: actorSchema,
  ...amendableFields,
});
export type VitalsReading = z.infer<typeof vitalsReadingSchema>;
