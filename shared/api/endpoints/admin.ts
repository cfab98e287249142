import { z } from "zod";
import {
  apiKeySchema,
  createApiKeyRequestSchema,
  createApiKeyResponseSchema,
} from "../../schemas/api-key.ts";
import { auditEntrySchema, auditVerifyResponseSchema } from "../../schemas/audit.ts";
import { uuidParamsSchema } from "../../schemas/common.ts";
import type { Endpoint } from "../endpoint.ts";
import { admins } from "../endpoint.ts";

export const adminEndpoints = {
  createApiKey: {
    method: "post",
    path: "/api/admin/api-keys",
    summary: "Create an ingest API key for a device (admin); the secret is returned this once",
    roles: admins,
    body: createApiKeyRequestSchema,
    response: createApiKeyResponseSchema,
    successStatus: 201,
  },
  listApiKeys: {
    method: "get",
    path: "/api/admin/api-keys",
    summary: "The API keys, without their secrets (admin)",
    roles: admins,
    response: z.array(apiKeySchema),
  },
  revokeApiKey: {
    method: "post",
    path: "/api/admin/api-keys/:id/revoke",
    summary: "Revoke an API key (admin); it is refused from then on",
    roles: admins,
    params: uuidParamsSchema,
    response: apiKeySchema,
  },
  getSessionAudit: {
    method: "get",
    path: "/api/sessions/:id/audit",
    summary: "The session's audit trail, oldest first: who, when, what, the values before and after",
    roles: ["physician", "admin"],
    params: uuidParamsSchema,
    response: z.array(auditEntrySchema),
  },
  verifyAudit: {
    method: "get",
    path: "/api/audit/verify",
    summary: "Recompute the audit log's hash chain (admin); names the first row that does not verify",
    roles: admins,
    response: auditVerifyResponseSchema,
  },
} as const satisfies Record<string, Endpoint>;
