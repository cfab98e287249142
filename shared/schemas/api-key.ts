import { z } from "zod";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";
import { actorSchema } from "./user.ts";

/**
 * API keys for devices (monitor gateways, the simulator). A key is scoped to ingest: it may only post
 * monitor readings by chair. The secret (`vgl_...`) is shown once at creation; only its hash is stored.
 */
export const apiKeyScopes = ["ingest"] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const API_KEY_PREFIX = "vgl_";

export const apiKeySchema = z.object({
  id: idSchema,
  label: z.string(),
  scope: apiKeyScopeSchema,
  /** The device actor its readings are recorded by ("Device: <label>", role device). */
  device: actorSchema,
  createdBy: actorSchema,
  createdAt: instantSchema,
  revokedAt: instantSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z.strictObject({ label: nonEmptyText(60) });
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

export const createApiKeyResponseSchema = z.object({
  apiKey: apiKeySchema,
  /** The secret, shown this once: send it as `Authorization: Bearer <secret>`. */
  secret: z.string().startsWith(API_KEY_PREFIX),
});
export type CreateApiKeyResponse = z.infer<typeof createApiKeyResponseSchema>;

export const chairParamsSchema = z.object({ chair: nonEmptyText(20) });
