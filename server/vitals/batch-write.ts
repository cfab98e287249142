import type { Transaction } from "kysely";
import { auditAppendSql, auditRowsJson, type NewAuditRow } from "../audit/insert-rows.ts";
import { fixedStatement } from "../db/fixed-statement.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";

/** The columns a reading is written with, and each one's type (its parameter is an array of them). */
const readingColumns = [
  ["id", "uuid"],
  ["session_id", "uuid"],
  ["observed_at", "timestamptz"],
  ["recorded_at", "timestamptz"],
  ["source", "text"],
  ["sbp", "int"],
  ["dbp", "int"],
  ["map", "int"],
  ["hr", "int"],
  ["spo2", "int"],
  ["rr", "int"],
  ["recorded_by", "uuid"],
  ["session_seq", "int"],
] as const satisfies readonly (readonly [keyof VitalsReadingsTable, string])[];

/**
 * One statement, one round trip, the same text for any number of rows: the readings inserted (a column
 * array each, unnest), with the sessions' seqs advanced and the audit rows appended as data-modifying WITHs
 * of it. Without RETURNING (parsing the rows back costs more than the insert): what is stored is what was
 * sent, as the planner already wrote the ids in lower case, as PostgreSQL stores a uuid.
 */
const batchWrite = fixedStatement<never>(`
  with seq_advanced as (
    update infusion_sessions as s set seq = s.seq + v.n
    from unnest($1::uuid[], $2::int[]) as v(id, n) where s.id = v.id
  ), audit_appended as (
    ${auditAppendSql("$3")}
  )
  insert into vitals_readings (${readingColumns.map(([name]) => name).join(", ")})
  select * from unnest(${readingColumns.map(([, type], i) => `$${i + 4}::${type}[]`).join(", ")})`);

export interface BatchWrites {
  /** How many seqs each session's changes took (the numbers were handed out from its locked seq). */
  seqCounts: ReadonlyMap<string, number>;
  readings: VitalsReadingsTable[];
  audit: NewAuditRow[];
}

/** A batch's writes, all or nothing, as one statement is. */
export async function writeBatch(trx: Transaction<Database>, writes: BatchWrites): Promise<void> {
  if (writes.readings.length === 0) return;
  const counts = [...writes.seqCounts].filter(([, n]) => n > 0);
  await batchWrite(trx, [
    counts.map(([id]) => id),
    counts.map(([, n]) => n),
    auditRowsJson(writes.audit),
    ...readingColumns.map(([name]) => writes.readings.map((row) => row[name])),
  ]);
}
