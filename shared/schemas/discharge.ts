import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

/** The meaning of the electronic signature, shown before signing and stored with it. */
export const dischargeSignatureMeaning =
  "I have assessed this patient and confirm they are fit for discharge after the ketamine infusion, " +
  "into the care of a responsible adult.";

export const signDischargeRequestSchema = z.strictObject({
  password: z
    .string({ error: "re-enter your password to sign" })
    .min(1, { error: "re-enter your password to sign" }),
  meaningAccepted: z.literal(true, { error: "confirm the meaning of the signature" }),
  note: z.string().trim().max(2000, { error: "must be at most 2000 characters" }).optional(),
});
export type SignDischargeRequest = z.infer<typeof signDischargeRequestSchema>;

export const dischargeSignatureSchema = z.object({
  sessionId: idSchema,
  signedBy: actorSchema,
  signedAt: instantSchema,
  meaning: z.string(),
  note: z.string().nullable(),
});
export type DischargeSignature = z.infer<typeof dischargeSignatureSchema>;
