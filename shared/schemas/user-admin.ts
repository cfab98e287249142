import { z } from "zod";
import { idSchema } from "./common.ts";

/** The roles an admin can give a staff account ("device" actors come only with an API key). */
export const staffRoles = ["nurse", "physician", "admin"] as const;
export const staffRoleSchema = z.enum(staffRoles, { error: "must be nurse, physician or admin" });
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** A staff login as an admin sees it: never the password hash. */
export const staffAccountSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  /** False once deactivated: no login, and every open login ended. Records keep naming them. */
  active: z.boolean(),
  /** Set while repeated failed logins keep the account locked (ISO time), otherwise null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const staffUsernameSchema = z
  .string({ error: "must be text" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    error: "must be 3 to 40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
  });

/** The initial password is checked against the password policy on the server, which knows the username. */
export const createStaffAccountRequestSchema = z.strictObject({
  username: staffUsernameSchema,
  displayName: z
    .string({ error: "must be text" })
    .trim()
    .min(1, { error: "is required" })
    .max(100, { error: "must be at most 100 characters" }),
  role: staffRoleSchema,
  password: z.string({ error: "must be text" }).min(1, { error: "is required" }),
});
export type CreateStaffAccountRequest = z.infer<typeof createStaffAccountRequestSchema>;

export const resetStaffPasswordRequestSchema = z.strictObject({
  password: z.string({ error: "must be text" }).min(1, { error: "is required" }),
});
export type ResetStaffPasswordRequest = z.infer<typeof resetStaffPasswordRequestSchema>;
