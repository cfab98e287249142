import { type QueryCreator, sql, type Transaction } from "kysely";
import { recordsetMinRows } from "../db/recordset.ts";
import type { Database } from "../db/schema.ts";

/**
 * An audit row ready to store (its seq comes from the column's sequence): before and after as JSON text
 * ("null" for none). Their key order does not matter: jsonb keeps the value, and the sealer hashes the
 * canonical JSON of what it reads back.
 */
export interface NewAuditRow {
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  sessionId: string | null;
  beforeJson: string;
  afterJson: string;
}

/** Rows per insert statement. */
const insertChunk = 1000;
/** The columns an append writes, in order (seq is the sequence's; prev_hash and hash are legacy). */
const insertColumns = [
  "at",
  "actor_id",
  "actor_name",
  "action",
  "entity",
  "entity_id",
  "session_id",
  "before",
  "after",
] as const;

/**
 * Inserts the rows in multi-row statements. Each statement draws its seqs from the sequence row by row in
 * the order given (VALUES and jsonb_to_recordset both produce their rows in order), so a batch keeps its
 * order; the seq is drawn inside the INSERT, under its lock on audit_log, which the sealer's horizon relies on.
 */
export async function insertAuditRows(
  trx: Transaction<Database>,
  rows: readonly NewAuditRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += insertChunk) {
    await auditRowsInsert(trx, rows.slice(i, i + insertChunk)).execute();
  }
}

/**
 * One INSERT of the rows, not yet run: a statement of its own, or a data-modifying WITH of another
 * (a batch of readings writes its audit rows in the statement that inserts the readings).
 */
export function auditRowsInsert(db: QueryCreator<Database>, rows: readonly NewAuditRow[]) {
  if (rows.length < recordsetMinRows) return db.insertInto("audit_log").values(rows.map(rowValues));
  return db
    .insertInto("audit_log")
    .columns(insertColumns)
    .expression(
      sql`select ${sql.join(insertColumns.map((c) => sql.ref(c)))}
        from jsonb_to_recordset(${auditRowsJson(rows)}::jsonb) as r(${sql.raw(recordsetColumns)})`,
    );
}

/** jsonb_to_recordset's column definitions for audit rows. */
const recordsetColumns =
  "at timestamptz, actor_id uuid, actor_name text, action text, entity text, entity_id text, session_id uuid, before jsonb, after jsonb";

/** The rows as the one jsonb array an append reads them from. */
export const auditRowsJson = (rows: readonly NewAuditRow[]): string => `[${rows.map(rowJson).join(",")}]`;

/**
 * The INSERT of the audit rows in a statement's parameter `param` (auditRowsJson's text), as a fixed text
 * for a data-modifying WITH of another statement (see fixedStatement).
 */
export const auditAppendSql = (param: string): string =>
  `insert into audit_log (${insertColumns.join(", ")})
  select ${insertColumns.join(", ")} from jsonb_to_recordset(${param}::jsonb) as r(${recordsetColumns})`;

const storedText = (json: string): string | null => (json === "null" ? null : json);

function rowValues(row: NewAuditRow) {
  return {
    at: new Date(row.at),
    actor_id: row.actorId,
    actor_name: row.actorName,
    action: row.action,
    entity: row.entity,
    entity_id: row.entityId,
    session_id: row.sessionId,
    before: storedText(row.beforeJson),
    after: storedText(row.afterJson),
  };
}

/**
 * One element for jsonb_to_recordset, with before and after embedded as their JSON. A value of none is
 * left out (SQL NULL, as the VALUES path stores it), never written as a JSON null.
 */
function rowJson(row: NewAuditRow): string {
  const text = JSON.stringify({
    at: row.at,
    actor_id: row.actorId,
    actor_name: row.actorName,
    action: row.action,
    entity: row.entity,
    entity_id: row.entityId,
    session_id: row.sessionId,
  });
  const before = row.beforeJson === "null" ? "" : `,"before":${row.beforeJson}`;
  const after = row.afterJson === "null" ? "" : `,"after":${row.afterJson}`;
  return `${text.slice(0, -1)}${before}${after}}`;
}
