import { z } from "zod";
import { checklistItemsSchema } from "../clinical/discharge/checklist.ts";
import { padssItemIds } from "../clinical/discharge/padss.ts";
import { dischargeProfileSchema } from "../clinical/discharge/profile.ts";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

/** One criterion as shown: met or not, with the reason in words (never colour alone). */
export const criterionSchema = z.object({
  id: z.string(),
  label: z.string(),
  met: z.boolean(),
  reason: z.string(),
});
export type CriterionView = z.infer<typeof criterionSchema>;

export const padssSchema = z.object({
  items: z.array(
    z.object({ id: z.enum(padssItemIds), label: z.string(), score: z.number().int(), reason: z.string() }),
  ),
  total: z.number().int(),
  max: z.literal(10),
  minimum: z.number().int(),
  met: z.boolean(),
});

/** The nurse's checklist as it stands: the latest stored version (all unticked before the first). */
export const checklistStateSchema = z.object({
  items: checklistItemsSchema,
  updatedBy: actorSchema.nullable(),
  updatedAt: instantSchema.nullable(),
});
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const checklistVersionSchema = z.object({
  id: idSchema,
  items: checklistItemsSchema,
  recordedBy: actorSchema,
  recordedAt: instantSchema,
});
export type ChecklistVersion = z.infer<typeof checklistVersionSchema>;

export const checklistHistorySchema = z.object({
  current: checklistStateSchema,
  /** Every stored version, newest first. */
  history: z.array(checklistVersionSchema),
});

export const updateChecklistRequestSchema = z.strictObject({ items: checklistItemsSchema });
export type UpdateChecklistRequest = z.infer<typeof updateChecklistRequestSchema>;

const baselineValue = z.number().nullable();

export const dischargeReadinessSchema = z.object({
  /** The server time the criteria were evaluated at (the time-based criterion depends on it). */
  evaluatedAt: instantSchema,
  profile: dischargeProfileSchema,
  /** The alert engine's fixed baseline the criteria compare with. */
  baseline: z.object({ sbp: baselineValue, dbp: baselineValue, hr: baselineValue }),
  criteria: z.array(criterionSchema),
  checklist: checklistStateSchema,
  checklistCriteria: z.array(criterionSchema),
  padss: padssSchema,
  /** Every unmet criterion, unchecked item and the PADSS when below its minimum: each needs an override to sign. */
  unmet: z.array(criterionSchema),
  ready: z.boolean(),
});
export type DischargeReadiness = z.infer<typeof dischargeReadinessSchema>;
