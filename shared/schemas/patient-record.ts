import { z } from "zod";
import { instantSchema, nonEmptyText } from "./common.ts";
import { createPatientRequestSchema, patientSchema } from "./patient.ts";
import { actorSchema } from "./user.ts";

/** The full patient record (the patient page): the patient plus clinical history and its version. */
export const patientRecordSchema = patientSchema.extend({
  allergies: z.string(),
  contraindications: z.string(),
  /** 1 at registration, +1 per edit; every version is kept (GET /api/patients/:id/history). */
  version: z.number().int().min(1),
  updatedAt: instantSchema,
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;

/**
 * An edit: the whole record as it should read, the version it was made from (a stale version is
 * refused with 409, so no one overwrites an edit they have not seen) and an optional reason.
 */
export const updatePatientRequestSchema = createPatientRequestSchema.extend({
  version: z.number({ error: "must be a number" }).int().min(1),
  reason: nonEmptyText(500).optional(),
});
export type UpdatePatientRequest = z.infer<typeof updatePatientRequestSchema>;

/** One stored version of a patient record: the values as they were, who wrote them and when. */
export const patientVersionSchema = z.object({
  version: z.number().int(),
  mrn: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  weightKg: z.number().nullable(),
  allergies: z.string(),
  contraindications: z.string(),
  reason: z.string().nullable(),
  /** null for records created by the system (demo seed, records from before versioning). */
  changedBy: actorSchema.nullable(),
  changedAt: instantSchema,
});
export type PatientVersion = z.infer<typeof patientVersionSchema>;
