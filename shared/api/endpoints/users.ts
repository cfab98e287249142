import { z } from "zod";
import { uuidParamsSchema } from "../../schemas/common.ts";
import {
  createStaffAccountRequestSchema,
  resetStaffPasswordRequestSchema,
  staffAccountSchema,
} from "../../schemas/user-admin.ts";
import type { Endpoint } from "../endpoint.ts";
import { admins } from "../endpoint.ts";

/** Staff accounts (admin): records are never deleted, a leaver is deactivated. */
export const usersEndpoints = {
  listStaffAccounts: {
    method: "get",
    path: "/api/admin/users",
    summary:
      "The staff accounts (admin), without password hashes; API-key devices are listed with their keys",
    roles: admins,
    response: z.array(staffAccountSchema),
  },
  createStaffAccount: {
    method: "post",
    path: "/api/admin/users",
    summary:
      "Create a nurse, physician or admin account (admin); the initial password must meet the password policy. 409 when the username is taken",
    roles: admins,
    body: createStaffAccountRequestSchema,
    response: staffAccountSchema,
    successStatus: 201,
  },
  resetStaffPassword: {
    method: "post",
    path: "/api/admin/users/:id/password",
    summary:
      "Set a new password for another account (admin, policy-checked); ends all of that user's logins and clears a lockout",
    roles: admins,
    params: uuidParamsSchema,
    body: resetStaffPasswordRequestSchema,
    response: staffAccountSchema,
  },
  deactivateStaffAccount: {
    method: "post",
    path: "/api/admin/users/:id/deactivate",
    summary:
      "Deactivate an account (admin): no more logins, open ones end now. 409 for your own account or the last active admin",
    roles: admins,
    params: uuidParamsSchema,
    response: staffAccountSchema,
  },
  reactivateStaffAccount: {
    method: "post",
    path: "/api/admin/users/:id/reactivate",
    summary: "Let a deactivated account log in again (admin)",
    roles: admins,
    params: uuidParamsSchema,
    response: staffAccountSchema,
  },
  unlockStaffAccount: {
    method: "post",
    path: "/api/admin/users/:id/unlock",
    summary: "Lift a lockout after repeated failed logins (admin)",
    roles: admins,
    params: uuidParamsSchema,
    response: staffAccountSchema,
  },
} as const satisfies Record<string, Endpoint>;
