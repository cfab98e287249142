import { z } from "zod";
import { idSchema } from "./common.ts";

/**
 * "device" is the actor of an ingest API key (a monitor gateway, the simulator): it can never log in
 * (no password, refused at login and on cookie sessions) and may call only `auth: "apiKey"` endpoints.
 */
export const roles = ["nurse", "physician", "admin", "device"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

/** Who did something, as shown next to an acknowledgement or a signature. */
export const actorSchema = userSchema.pick({ id: true, displayName: true, role: true });
export type Actor = z.infer<typeof actorSchema>;

export const loginRequestSchema = z.strictObject({
  username: z
    .string({ error: "must be text" })
    .trim()
    .min(1, { error: "is required" })
    .max(100, { error: "must be at most 100 characters" }),
  password: z
    .string({ error: "must be text" })
    .min(1, { error: "is required" })
    .max(200, { error: "must be at most 200 characters" }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meResponseSchema = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** Unlocking an idle-locked workstation: the logged-in user's own password again. */
export const unlockRequestSchema = z.strictObject({
  password: loginRequestSchema.shape.password,
});
export type UnlockRequest = z.infer<typeof unlockRequestSchema>;

/** The new password is checked against the password policy on the server, which knows the username. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: loginRequestSchema.shape.password,
  newPassword: z.string({ error: "must be text" }).min(1, { error: "is required" }),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
