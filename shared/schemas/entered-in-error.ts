import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

/**
 * Amendments, never deletion: a reading or observation entered in error keeps its stored row; the
 * amendment (reason, who, when, and the corrected entry that supersedes it, if any) is stored beside it.
 */
export const entryStatuses = ["final", "entered_in_error"] as const;
export const entryStatusSchema = z.enum(entryStatuses);
export type EntryStatus = z.infer<typeof entryStatusSchema>;

export const enteredInErrorSchema = z.object({
  reason: z.string(),
  by: actorSchema,
  at: instantSchema,
  /** The corrected entry stored with the amendment, if one was given. */
  supersededBy: idSchema.nullable(),
});
export type EnteredInError = z.infer<typeof enteredInErrorSchema>;

/**
 * Fields every reading and observation carries. Optional in the contract so that code building these
 * entities by hand keeps compiling; the server always sends them.
 */
export const amendableFields = {
  status: entryStatusSchema.optional(),
  enteredInError: enteredInErrorSchema.nullable().optional(),
  /** The entry this one corrects (it was entered in error). */
  supersedes: idSchema.nullable().optional(),
};

export const amendmentReasonSchema = z
  .string({ error: "is required: say why the entry is in error" })
  .trim()
  .min(1, { error: "is required: say why the entry is in error" })
  .max(500, { error: "must be at most 500 characters" });
