import { z } from "zod";
import { thresholdProfileSchema } from "../clinical/engine/profile.ts";
import { engineStateSchema } from "../clinical/engine/state.ts";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";
import { actorSchema } from "./user.ts";

/** One stored version of a threshold profile: who changed it, when and why. Versions are never overwritten. */
export const profileVersionSchema = z.object({
  id: idSchema,
  scope: z.enum(["clinic", "session"]),
  sessionId: idSchema.nullable(),
  profile: thresholdProfileSchema,
  reason: z.string(),
  changedBy: actorSchema,
  changedAt: instantSchema,
});
export type ProfileVersion = z.infer<typeof profileVersionSchema>;

export const updateProfileRequestSchema = z.strictObject({
  profile: thresholdProfileSchema,
  reason: nonEmptyText(500),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

export const clinicProfileResponseSchema = z.object({
  current: thresholdProfileSchema,
  /** true while no admin has changed the built-in default. */
  isBuiltInDefault: z.boolean(),
  history: z.array(profileVersionSchema),
});
export type ClinicProfileResponse = z.infer<typeof clinicProfileResponseSchema>;

export const sessionProfileResponseSchema = z.object({
  effective: thresholdProfileSchema,
  /** The supervising physician's override for this session, if any. */
  override: profileVersionSchema.nullable(),
  history: z.array(profileVersionSchema),
});
export type SessionProfileResponse = z.infer<typeof sessionProfileResponseSchema>;

/** What the nurse's form needs to preview the alert a value will raise: the profile and the engine's state. */
export const alertContextSchema = z.object({
  profile: thresholdProfileSchema,
  state: engineStateSchema.nullable(),
});
export type AlertContext = z.infer<typeof alertContextSchema>;
