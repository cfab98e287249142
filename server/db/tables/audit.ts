import type { Generated } from "kysely";

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); seq (from a sequence) is the hash chain's
 * order. prev_hash and hash are stored only on rows written before sealing (migration 0009).
 */
export interface AuditLogTable {
  id: Generated<string>;
  seq: Generated<string>;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  session_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * Append-only like audit_log: one row per block of audit rows the sealer chained (server/audit/sealer.ts).
 * hash is the block's last row's chained hash; digests holds the first 8 bytes of every row's hash, in
 * seq order, so a verifier can name the row that changed; gaps lists the seqs of the range that no
 * committed row took (rolled-back writes).
 */
export interface AuditSealsTable {
  block: string;
  from_seq: string;
  to_seq: string;
  row_count: number;
  gaps: Generated<unknown>;
  digests: Uint8Array | null;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
}
