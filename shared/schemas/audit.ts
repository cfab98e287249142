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

/**
 * The result of recomputing the hash chain against its seals (npm run audit:verify prints the same). Rows
 * above sealedThrough are not yet chained by the sealer (it runs every second): counted, never an error.
 */
export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  /** Audit rows read, sealed or not. */
  rows: z.number().int(),
  /** Seal blocks checked. */
  seals: z.number().int(),
  /** The last sealed seq (0: nothing sealed yet). */
  sealedThrough: z.number().int(),
  /** Rows above sealedThrough. */
  unsealed: z.number().int(),
  /** The first row that does not verify: changed, missing from its seal block, or added to one. */
  firstBadSeq: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponseSchema>;
