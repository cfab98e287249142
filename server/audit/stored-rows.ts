import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { StoredRow } from "./chain.ts";
import type { SealBlock } from "./chain-verifier.ts";

type Db = Kysely<Database> | Transaction<Database>;

const pageSize = 1000;

// Bigints are read as text (pg and PGlite parse int8 differently); order by the column, not that text alias.
const rowColumns = [
  sql<string>`seq::text`.as("seq"),
  "at",
  "actor_id",
  "actor_name",
  "action",
  "entity",
  "entity_id",
  "session_id",
  "before",
  "after",
  "prev_hash",
  "hash",
] as const;

interface RowRead {
  seq: string;
  at: Date | string;
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

function toStored(r: RowRead): StoredRow {
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

/** Audit rows with afterSeq < seq ≤ throughSeq (no bound: to the end), in seq order, a page at a time. */
export async function* auditRowPages(
  db: Db,
  afterSeq: number,
  throughSeq?: number,
): AsyncGenerator<StoredRow> {
  let after = afterSeq;
  for (;;) {
    let query = db
      .selectFrom("audit_log")
      .select(rowColumns)
      .where("seq", ">", String(after))
      .orderBy(sql`audit_log.seq`)
      .limit(pageSize);
    if (throughSeq !== undefined) query = query.where("seq", "<=", String(throughSeq));
    const rows = (await query.execute()) as RowRead[];
    for (const r of rows) yield toStored(r);
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.seq);
  }
}

/** One session's rows, oldest first. */
export async function sessionAuditRows(db: Db, sessionId: string): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(rowColumns)
    .where("session_id", "=", sessionId)
    .orderBy(sql`audit_log.seq`)
    .execute();
  return (rows as RowRead[]).map(toStored);
}

const sealColumns = [
  sql<string>`block::text`.as("block"),
  sql<string>`from_seq::text`.as("from_seq"),
  sql<string>`to_seq::text`.as("to_seq"),
  "row_count",
  "gaps",
  sql<string | null>`encode(digests, 'hex')`.as("digests"),
  "prev_hash",
  "hash",
] as const;

interface SealRead {
  block: string;
  from_seq: string;
  to_seq: string;
  row_count: number;
  gaps: unknown;
  digests: string | null;
  prev_hash: string;
  hash: string;
}

function toSeal(r: SealRead): SealBlock {
  return {
    block: Number(r.block),
    fromSeq: Number(r.from_seq),
    toSeq: Number(r.to_seq),
    rowCount: r.row_count,
    gaps: (r.gaps as number[]).map(Number),
    digests: r.digests,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The last seal block's number, end and hash (none before anything was sealed). */
export async function lastSeal(db: Db): Promise<{ block: number; toSeq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom("audit_seals")
    .select([sql<string>`block::text`.as("block"), sql<string>`to_seq::text`.as("to_seq"), "hash"])
    .orderBy(sql`audit_seals.block`, "desc")
    .limit(1)
    .executeTakeFirst();
  return row && { block: Number(row.block), toSeq: Number(row.to_seq), hash: row.hash };
}

/** Seal blocks 1 … throughBlock in order, a page at a time. */
export async function* sealPages(db: Db, throughBlock: number): AsyncGenerator<SealBlock> {
  let after = 0;
  while (after < throughBlock) {
    const rows = (await db
      .selectFrom("audit_seals")
      .select(sealColumns)
      .where("block", ">", String(after))
      .where("block", "<=", String(throughBlock))
      .orderBy(sql`audit_seals.block`)
      .limit(100)
      .execute()) as SealRead[];
    for (const r of rows) yield toSeal(r);
    if (rows.length === 0) return;
    after = Number(rows.at(-1)!.block);
  }
}
