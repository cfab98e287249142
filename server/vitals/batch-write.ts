import { type QueryCreator, sql, type Transaction } from "kysely";
import { auditRowsInsert, type NewAuditRow } from "../audit/insert-rows.ts";
import { recordsetMinRows } from "../db/recordset.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";

const readingColumns = [
  "id",
  "session_id",
  "observed_at",
  "recorded_at",
  "source",
  "sbp",
  "dbp",
  "map",
  "hr",
  "spo2",
  "rr",
  "recorded_by",
  "session_seq",
] as const;

export interface BatchWrites {
  /** How many seqs each session's changes took (the numbers were handed out from its locked seq). */
  seqCounts: ReadonlyMap<string, number>;
  readings: VitalsReadingsTable[];
  audit: NewAuditRow[];
}

/**
 * A batch's writes as one statement, one round trip: the readings inserted, with the sessions' seqs
 * advanced and the audit rows appended as data-modifying WITHs of it. All or nothing, as one statement is.
 */
export async function writeBatch(trx: Transaction<Database>, writes: BatchWrites): Promise<void> {
  if (writes.readings.length === 0) return;
  const counts = [...writes.seqCounts].filter(([, n]) => n > 0);
  const advance = sql.join(counts.map(([id, n]) => sql`(${id}::uuid, ${n}::int)`));
  // The WITH names are not tables the inserts read: their builders see the plain schema.
  const creator = (db: unknown) => db as QueryCreator<Database>;
  await readingsInsert(
    creator(
      trx
        .with(
          "seq_advanced",
          // A raw WITH body is written as given: its parentheses are ours to write.
          () => sql`(update infusion_sessions as s set seq = s.seq + v.n
          from (values ${advance}) as v(id, n) where s.id = v.id)`,
        )
        .with("audit_appended", (db) => auditRowsInsert(creator(db), writes.audit)),
    ),
    writes.readings,
  ).execute();
}

/**
 * Inserts without RETURNING (parsing the rows back costs more than the insert): what is stored is what was
 * sent (the planner already wrote the id in lower case, as PostgreSQL stores a uuid). Many rows travel as one
 * JSON parameter (jsonb_to_recordset): thousands of bound parameters cost more to build and bind than that.
 */
function readingsInsert(db: QueryCreator<Database>, rows: VitalsReadingsTable[]) {
  if (rows.length < recordsetMinRows) return db.insertInto("vitals_readings").values(rows);
  // JSON.stringify writes the Dates as ISO instants.
  const json = JSON.stringify(rows);
  return db
    .insertInto("vitals_readings")
    .columns(readingColumns)
    .expression(
      sql`select ${sql.join(readingColumns.map((c) => sql.ref(c)))} from jsonb_to_recordset(${json}::jsonb) as r(
        id uuid, session_id uuid, observed_at timestamptz, recorded_at timestamptz, source text,
        sbp integer, dbp integer, map integer, hr integer, spo2 integer, rr integer, recorded_by uuid,
        session_seq integer)`,
    );
}
