import { z } from "zod";
import { loginRequestSchema, meResponseSchema } from "../../schemas/user.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone } from "../endpoint.ts";

export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
  demo: z.boolean(),
  uptimeSeconds: z.number(),
});

export const authEndpoints = {
  health: {
    method: "get",
    path: "/api/health",
    summary: "Liveness and configuration",
    roles: null,
    response: healthResponseSchema,
  },
  login: {
    method: "post",
    path: "/api/auth/login",
    summary: "Log in; sets the session cookie",
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
  me: {
    method: "get",
    path: "/api/auth/me",
    summary: "The logged-in user",
    roles: anyone,
    response: meResponseSchema,
  },
} as const satisfies Record<string, Endpoint>;
