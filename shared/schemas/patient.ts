import { z } from "zod";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";

export const patientSchema = z.object({
  id: idSchema,
  mrn: z.string(),
  fullName: z.string(),
  dateOfBirth: z.iso.date(),
  weightKg: z.number().nullable(),
  createdAt: instantSchema,
});
export type Patient = z.infer<typeof patientSchema>;

export const createPatientRequestSchema = z.strictObject({
  mrn: nonEmptyText(40),
  fullName: nonEmptyText(200),
  dateOfBirth: z.iso.date({ error: "must be a date (YYYY-MM-DD)" }),
  weightKg: z
    .number({ error: "must be a number" })
    .min(20, { error: "must be between 20 and 350 kg" })
    .max(350, { error: "must be between 20 and 350 kg" })
    .nullable()
    .optional(),
});
export type CreatePatientRequest = z.infer<typeof createPatientRequestSchema>;

export const patientSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
});
