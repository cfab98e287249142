import { z } from "zod";
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  meResponseSchema,
  unlockRequestSchema,
} from "../../schemas/user.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone } from "../endpoint.ts";

export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
  demo: z.boolean(),
  uptimeSeconds: z.number(),
  /** Socket.IO fan-out across nodes (REDIS_URL): "absent" on a single node with the in-memory adapter. */
  redis: z.enum(["connected", "disconnected", "absent"]),
  /** Minutes without input before the client locks the screen (VIGIL_IDLE_LOCK_MINUTES). */
  idleLockMinutes: z.number(),
});

export const authEndpoints = {
  health: {
    method: "get",
    path: "/api/health",
    summary: "Liveness and configuration; 503 when the database does not answer within 2 s",
    roles: null,
    response: healthResponseSchema,
  },
  login: {
    method: "post",
    path: "/api/auth/login",
    summary:
      "Log in; sets the session cookie. 423 while the account is locked after repeated failures, 429 when this address failed too often (both say when to retry, also in Retry-After)",
    roles: null,
    body: loginRequestSchema,
    response: meResponseSchema,
  },
  logout: {
    method: "post",
    path: "/api/auth/logout",
    summary: "Log out",
    roles: anyone,
    response: z.object({ ok: z.literal(true) }),
  },
  unlock: {
    method: "post",
    path: "/api/auth/unlock",
    summary:
      "Unlock an idle-locked screen with the logged-in user's password (audited; failures count toward the account lockout)",
    roles: anyone,
    body: unlockRequestSchema,
    response: z.object({ ok: z.literal(true) }),
  },
  changePassword: {
    method: "post",
    path: "/api/auth/password",
    summary: "Change the logged-in user's password (the new one must meet the password policy)",
    roles: anyone,
    body: changePasswordRequestSchema,
    response: z.object({ ok: z.literal(true) }),
  },
  me: {
    method: "get",
    path: "/api/auth/me",
    summary: "The logged-in user",
    roles: anyone,
    response: meResponseSchema,
  },
} as const satisfies Record<string, Endpoint>;
