import { z } from "zod";

/** Every 4xx/5xx body. `issues` names each offending field and why. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      "validation_failed",
      "unauthenticated",
      "forbidden",
      "not_found",
      "conflict",
      "invalid_transition",
      "session_locked",
      "discharge_criteria_unmet",
      "already_entered_in_error",
      "clearance_required",
      "payload_too_large",
      "unsupported_media_type",
      "account_locked",
      "rate_limited",
      "unavailable",
      "internal",
    ]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorCode = ApiError["error"]["code"];
