import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { AuditLogTable } from "../db/tables/audit.ts";
import {
  type ChainReport,
  canonicalStoredJson,
  genesisHash,
  rowHashOfJson,
  type StoredRow,
  verifyRows,
} from "./chain.ts";
import { auditColumns, type HashedRow, insertAuditRows } from "./insert-rows.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Serialises appends across connections and processes (PGlite and PostgreSQL both have advisory locks). */
const auditLockKey = 0x5649_4731; // "VIG1"

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

/**
 * Appends one row to the chain inside the caller's transaction: the row exists exactly when the write
 * it records commits. The advisory lock (released at commit) orders appends so each links to the last.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await appendAuditBatch(trx, [entry]);
}

/**
 * Appends entries in order with one advisory lock and multi-row inserts (group commit): the hashes are
 * chained in memory exactly as one-at-a-time appends would chain them. The last row is read by a statement
 * of its own, after the lock: its snapshot must see the previous holder's committed rows.
 */
export async function appendAuditBatch(
  trx: Transaction<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(trx);
  const last = await trx
    .selectFrom("audit_log")
    .select([sql<string>`seq::text`.as("seq"), "hash"])
    .orderBy(sql`audit_log.seq`, "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? genesisHash;
  const rows: HashedRow[] = [];
  for (const entry of entries) {
    seq++;
    // Serialised once: jsonb keeps the same value whatever the key order, and the hash covers this text.
    const beforeJson = canonicalStoredJson(entry.before);
    const afterJson = canonicalStoredJson(entry.after);
    const fields = {
      seq,
      at: entry.at.toISOString(),
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      sessionId: entry.sessionId ?? null,
    };
    const hash = rowHashOfJson(prevHash, fields, beforeJson, afterJson);
    rows.push({ fields, beforeJson, afterJson, prevHash, hash });
    prevHash = hash;
  }
  await insertAuditRows(trx, rows);
}

/** Appends in a transaction of its own (writes that are a single statement, such as a login). */
export async function appendAuditNow(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, entry));
}

// seq is a bigint: read it as text.
const columns = [sql<string>`seq::text`.as("seq"), ...auditColumns.filter((c) => c !== "seq")];

/** A selected audit row (seq read as text: it is a bigint). */
type Row = Omit<Selectable<AuditLogTable>, "id">;

function toStored(r: Row): StoredRow {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    sessionId: r.session_id,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const pageSize = 1000;

/** Recomputes the whole chain in seq order, a page at a time. */
export async function verifyChain(db: Db): Promise<ChainReport> {
  const pages = async function* () {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom("audit_log")
        .select(columns)
        .where("seq", ">", String(after))
        .orderBy(sql`audit_log.seq`)
        .limit(pageSize)
        .execute();
      for (const r of rows) yield toStored(r as Row);
      if (rows.length < pageSize) return;
      after = Number(rows.at(-1)!.seq);
    }
  };
  const rows: StoredRow[] = [];
  for await (const row of pages()) rows.push(row);
  return verifyRows(rows);
}

/** One session's rows, oldest first. */
export async function sessionAuditRows(db: Db, sessionId: string): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(columns)
    .where("session_id", "=", sessionId)
    .orderBy(sql`audit_log.seq`)
    .execute();
  return rows.map((r) => toStored(r as Row));
}
