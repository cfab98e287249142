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
  dateOfBirth: z.iso
    .date({ error: "must be a date (YYYY-MM-DD)" })
    .refine(
      (d) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10)),
      {
        error: "must be a past date after 1900",
      },
    ),
  weightKg: z
    .number({ error: "must be a number" })
    .min(20, { error: "must be between 20 and 350 kg" })
    .max(350, { error: "must be between 20 and 350 kg" })
    .nullable()
    .optional(),
  /** Known allergies (free text; empty: none known). */
  allergies: z
    .string({ error: "must be text" })
    .trim()
    .max(1000, { error: "must be at most 1000 characters" })
    .optional(),
  /** Contraindication history relevant to ketamine (free text). */
  contraindications: z
    .string({ error: "must be text" })
    .trim()
    .max(2000, { error: "must be at most 2000 characters" })
    .optional(),
});
export type CreatePatientRequest = z.infer<typeof createPatientRequestSchema>;

export const patientSearchQuerySchema = z.object({
  q: z
    .string({ error: "must be text" })
    .trim()
    .max(100, { error: "must be at most 100 characters" })
    .optional(),
});
