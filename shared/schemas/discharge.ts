import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { dischargeReadinessSchema } from "./discharge-readiness.ts";
import { actorSchema } from "./user.ts";

/** The meaning of the electronic signature, shown before signing and stored with it. */
export const dischargeSignatureMeaning =
  "I have assessed this patient and confirm they are fit for discharge after the ketamine infusion, " +
  "into the care of a responsible adult.";

const overrideReason = "give a written reason to override this criterion";

export const dischargeOverrideRequestSchema = z.strictObject({
  criterionId: z.string({ error: "must be a criterion id" }).min(1).max(100),
  reason: z
    .string({ error: overrideReason })
    .trim()
    .min(1, { error: overrideReason })
    .max(1000, { error: "must be at most 1000 characters" }),
});
export type DischargeOverrideRequest = z.infer<typeof dischargeOverrideRequestSchema>;

export const signDischargeRequestSchema = z.strictObject({
  password: z
    .string({ error: "re-enter your password to sign" })
    .min(1, { error: "re-enter your password to sign" }),
  meaningAccepted: z.literal(true, { error: "confirm the meaning of the signature" }),
  note: z.string().trim().max(2000, { error: "must be at most 2000 characters" }).optional(),
  /** A written reason for each unmet criterion the physician overrides (ids from the readiness `unmet`). */
  overrides: z.array(dischargeOverrideRequestSchema).max(50).optional(),
});
export type SignDischargeRequest = z.infer<typeof signDischargeRequestSchema>;

export const dischargeOverrideSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  /** Why the criterion was unmet when the physician signed. */
  unmetReason: z.string(),
  reason: z.string(),
});
export type DischargeOverride = z.infer<typeof dischargeOverrideSchema>;

export const dischargeSignatureSchema = z.object({
  sessionId: idSchema,
  signedBy: actorSchema,
  signedAt: instantSchema,
  meaning: z.string(),
  note: z.string().nullable(),
  /** Unmet criteria the physician signed over, each with its written reason (stored with the signature). */
  overrides: z.array(dischargeOverrideSchema).optional(),
  /** The readiness as evaluated at the moment of signing. */
  readiness: dischargeReadinessSchema.nullable().optional(),
});
export type DischargeSignature = z.infer<typeof dischargeSignatureSchema>;
