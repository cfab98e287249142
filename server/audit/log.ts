import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { type ChainReport, verifySealedChain } from "./chain-verifier.ts";
import { insertAuditRows, type NewAuditRow } from "./insert-rows.ts";
import { auditRowPages, lastSeal, sealPages } from "./stored-rows.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  sessionId?: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** The actor of a request's user, or "system" (timers) when there is none. */
export function auditActor(user: { id: string; displayName: string } | null | undefined): AuditActor {
  return user ? { id: user.id, name: user.displayName } : { id: null, name: "system" };
}

/** Appends one row inside the caller's transaction: the row exists exactly when the write it records commits. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await appendAuditBatch(trx, [entry]);
}

/** JSON text of a value as jsonb will hold it ("null" for none; JSON.stringify throws on a bigint, as before). */
const jsonText = (value: unknown): string => JSON.stringify(value) ?? "null";

/**
 * Appends entries in order with multi-row inserts, inside the caller's transaction. No lock, read or hash:
 * seqs come from a sequence, and the sealer (sealer.ts) chains the committed rows moments later.
 */
export async function appendAuditBatch(
  trx: Transaction<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await insertAuditRows(trx, auditRows(entries));
}

/** The entries as rows to insert, in order (for a statement that writes them along with other rows). */
export function auditRows(entries: readonly AuditEntry[]): NewAuditRow[] {
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    sessionId: entry.sessionId ?? null,
    beforeJson: jsonText(entry.before),
    afterJson: jsonText(entry.after),
  }));
}

/** Appends in a transaction of its own (writes that are a single statement, such as a login). */
export async function appendAuditNow(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, entry));
}

/**
 * Recomputes the whole chain in seq order against the seal blocks (chain-verifier.ts). The last seal is
 * read first: every row a seal up to it covers had committed before it was written, so the row pages read
 * after it see them all; rows above it count as unsealed.
 */
export async function verifyChain(db: Db): Promise<ChainReport> {
  const last = await lastSeal(db);
  const bound = { seals: last?.block ?? 0, sealedThrough: last?.toSeq ?? 0 };
  return verifySealedChain(auditRowPages(db, 0), sealPages(db, bound.seals), bound);
}
