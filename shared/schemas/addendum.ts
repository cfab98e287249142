import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

/** A note added to the record, also after sign-off (the only write a locked session accepts). */
export const addendumSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  text: z.string(),
  author: actorSchema,
  createdAt: instantSchema,
});
export type Addendum = z.infer<typeof addendumSchema>;

export const addAddendumRequestSchema = z.strictObject({
  text: z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(4000, { error: "must be at most 4000 characters" }),
});
export type AddAddendumRequest = z.infer<typeof addAddendumRequestSchema>;
