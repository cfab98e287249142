import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ChainedFields } from "./chain.ts";

/** An audit row ready to store: before and after as the canonical JSON its hash covers ("null" for none). */
export interface HashedRow {
  fields: Omit<ChainedFields, "before" | "after">;
  beforeJson: string;
  afterJson: string;
  prevHash: string;
  hash: string;
}

/** Rows per insert statement. */
const insertChunk = 1000;
/** From this many rows on, one jsonb parameter beats a parameter per value; below, the plain VALUES list wins. */
const recordsetMinRows = 16;

/** The stored columns of an audit row, in order (the generated id aside). */
export const auditColumns = [
  "seq",
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

/** Inserts the rows in order, in multi-row statements; jsonb keeps the stored JSON's value, whatever its text. */
export async function insertAuditRows(trx: Transaction<Database>, rows: readonly HashedRow[]): Promise<void> {
  if (rows.length < recordsetMinRows) {
    await trx.insertInto("audit_log").values(rows.map(rowValues)).execute();
    return;
  }
  for (let i = 0; i < rows.length; i += insertChunk) {
    const json = `[${rows
      .slice(i, i + insertChunk)
      .map(rowJson)
      .join(",")}]`;
    await trx
      .insertInto("audit_log")
      .columns(auditColumns)
      .expression(
        sql`select ${sql.join(auditColumns.map((c) => sql.ref(c)))}
          from jsonb_to_recordset(${json}::jsonb) as r(
            seq bigint, at timestamptz, actor_id uuid, actor_name text, action text, entity text,
            entity_id text, session_id uuid, before jsonb, after jsonb, prev_hash text, hash text)`,
      )
      .execute();
  }
}

const storedText = (json: string): string | null => (json === "null" ? null : json);

function rowValues({ fields, beforeJson, afterJson, prevHash, hash }: HashedRow) {
  return {
    seq: String(fields.seq),
    at: new Date(fields.at),
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    session_id: fields.sessionId,
    before: storedText(beforeJson),
    after: storedText(afterJson),
    prev_hash: prevHash,
    hash,
  };
}

/**
 * One element for jsonb_to_recordset, with before and after embedded as the very JSON that was hashed. A
 * value of none is left out (SQL NULL, as the VALUES path stores it), never written as a JSON null.
 */
function rowJson({ fields, beforeJson, afterJson, prevHash, hash }: HashedRow): string {
  const text = JSON.stringify({
    seq: fields.seq,
    at: fields.at,
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    session_id: fields.sessionId,
    prev_hash: prevHash,
    hash,
  });
  const before = beforeJson === "null" ? "" : `,"before":${beforeJson}`;
  const after = afterJson === "null" ? "" : `,"after":${afterJson}`;
  return `${text.slice(0, -1)}${before}${after}}`;
}
