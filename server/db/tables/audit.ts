import type { Generated } from "kysely";

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); seq is the hash chain's order. */
export interface AuditLogTable {
  id: Generated<string>;
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  session_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}
