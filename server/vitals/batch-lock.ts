import type { Selectable, Transaction } from "kysely";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { fixedStatement } from "../db/fixed-statement.ts";
import type { Database } from "../db/schema.ts";
import type { InfusionSessionsTable, VitalsReadingsTable } from "../db/tables/sessions.ts";
import { toSession } from "../sessions/repo.ts";
import { readingColumns } from "./batch-write.ts";

type StoredColumns = { [K in keyof VitalsReadingsTable as `stored_${K}`]: VitalsReadingsTable[K] | null };
/** A locked session or a stored reading: the other side's columns are all null (a full join on false). */
type Row = {
  [K in keyof Selectable<InfusionSessionsTable>]: Selectable<InfusionSessionsTable>[K] | null;
} & StoredColumns;

/**
 * A batch's first statement: it locks the sessions addressed by id, and the active (not discharged) ones
 * sitting in the chairs addressed, in id order (so two batches on any node that share sessions take their
 * locks in the same order and cannot deadlock), and reads which of the batch's reading ids are already
 * stored (retries). One round trip instead of two. The stored rows are read as of the statement's start:
 * a reading committed by a batch this one waited for is not among them, and its insert here then fails on
 * the reading's key, which fails the batch and retries each job alone (then found stored). That race needs
 * one reading id in two batches at once, which a device's socket never sends (a retry waits for its copy).
 */
const lockAndStored = fixedStatement<Row>(`
  with locked as (
    select * from infusion_sessions
    where id = any($1::uuid[]) or (chair = any($2::text[]) and phase <> 'discharged')
    order by id for update
  ), stored as (
    select * from vitals_readings where id = any($3::uuid[])
  )
  select locked.*, ${readingColumns.map(([c]) => `stored.${c} as stored_${c}`).join(", ")}
  from locked full join stored on false`);

export interface LockedBatch {
  lockedSessions: Map<string, InfusionSession>;
  stored: Map<string, VitalsReadingsTable>;
}

export async function lockBatch(
  trx: Transaction<Database>,
  target: { sessionIds: Iterable<string>; chairs: readonly string[]; readingIds: Iterable<string> },
): Promise<LockedBatch> {
  const rows = await lockAndStored(trx, [
    [...new Set(target.sessionIds)],
    [...target.chairs],
    [...new Set(target.readingIds)],
  ]);
  const lockedSessions = new Map<string, InfusionSession>();
  const stored = new Map<string, VitalsReadingsTable>();
  for (const row of rows) {
    if (row.id !== null) {
      lockedSessions.set(row.id, toSession(row as Selectable<InfusionSessionsTable>));
    } else {
      const reading = Object.fromEntries(
        readingColumns.map(([c]) => [c, row[`stored_${c}`]]),
      ) as unknown as VitalsReadingsTable;
      stored.set(reading.id, reading);
    }
  }
  return { lockedSessions, stored };
}
