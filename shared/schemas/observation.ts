import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { amendableFields } from "./entered-in-error.ts";
import { actorSchema } from "./user.ts";

/** Side effects reported with IV ketamine (clinical reference, section 1) plus the MOAA/S sedation check. */
export const observationTypes = [
  "sedation",
  "drowsiness",
  "dizziness",
  "dissociation",
  "nausea",
  "vomiting",
  "headache",
  "blurred_vision",
  "anxiety",
  "confusion",
  "hallucinations",
  "palpitations",
  "chest_pain",
  "seizure",
  "loss_of_consciousness",
  "other",
] as const;
export const observationTypeSchema = z.enum(observationTypes, {
  error: `must be one of: ${observationTypes.join(", ")}`,
});
export type ObservationType = z.infer<typeof observationTypeSchema>;

export const observationTypeLabels: Record<ObservationType, string> = {
  sedation: "Sedation (MOAA/S)",
  drowsiness: "Drowsiness",
  dizziness: "Dizziness",
  dissociation: "Dissociation",
  nausea: "Nausea",
  vomiting: "Vomiting",
  headache: "Headache",
  blurred_vision: "Blurred vision",
  anxiety: "Anxiety",
  confusion: "Confusion",
  hallucinations: "Hallucinations",
  palpitations: "Palpitations",
  chest_pain: "Chest pain",
  seizure: "Seizure",
  loss_of_consciousness: "Loss of consciousness",
  other: "Other",
};

export const severities = ["mild", "moderate", "severe"] as const;
export const severitySchema = z.enum(severities, { error: `must be one of: ${severities.join(", ")}` });
export type Severity = z.infer<typeof severitySchema>;

/** MOAA/S: 5 responds readily to name ... 0 no response (clinical reference, section 5). */
export const moaasLabels: Record<number, string> = {
  5: "5 - responds readily to name",
  4: "4 - lethargic response to name",
  3: "3 - responds only to loud or repeated name",
  2: "2 - responds only to mild prodding",
  1: "1 - responds only to painful stimulus",
  0: "0 - no response",
};

export const recordObservationRequestSchema = z
  .strictObject({
    id: idSchema,
    observedAt: instantSchema,
    type: observationTypeSchema,
    severity: severitySchema.optional(),
    moaas: z
      .number({ error: "must be an integer between 0 and 5" })
      .int({ error: "must be an integer between 0 and 5" })
      .min(0, { error: "must be an integer between 0 and 5" })
      .max(5, { error: "must be an integer between 0 and 5" })
      .optional(),
    note: z.string().trim().max(1000, { error: "must be at most 1000 characters" }).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.type === "sedation" && o.moaas === undefined) {
      ctx.addIssue({ code: "custom", path: ["moaas"], message: "a sedation check needs the MOAA/S level" });
    }
    if (o.type !== "sedation" && o.moaas !== undefined) {
      ctx.addIssue({ code: "custom", path: ["moaas"], message: "MOAA/S belongs to a sedation check only" });
    }
    if (o.type === "sedation" && o.severity !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["severity"],
        message: "a sedation check is graded by MOAA/S, not severity",
      });
    }
    if (o.type !== "sedation" && o.severity === undefined) {
      ctx.addIssue({ code: "custom", path: ["severity"], message: "choose a severity" });
    }
    if (o.type === "other" && !o.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "describe the observation" });
    }
  });
export type RecordObservationRequest = z.input<typeof recordObservationRequestSchema>;

export const observationSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  observedAt: instantSchema,
  recordedAt: instantSchema,
  type: observationTypeSchema,
  severity: severitySchema.nullable(),
  moaas: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedBy: actorSchema,
  ...amendableFields,
});
export type Observation = z.infer<typeof observationSchema>;
