import { z } from "zod";

/** One row of the audit trail: who did what, when, with the values before and after. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The result of recomputing the hash chain (npm run audit:verify prints the same). */
export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBadSeq: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponseSchema>;
