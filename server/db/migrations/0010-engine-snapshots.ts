import { type Kysely, sql } from "kysely";

/**
 * The alert engine's state becomes a snapshot plus the readings stepped since (issue 7: the state was
 * rewritten with every reading, the largest write of the ingest path). A reading now carries its session
 * seq, so the readings a snapshot does not include are found in order; the snapshot records the last seq
 * it includes, a version (bumped by every snapshot write, so a node's in-memory copy knows when it is
 * stale) and the threshold profile version its elided readings were stepped under. Existing snapshots
 * include every reading so far.
 */
const statements = [
  sql`alter table vitals_readings add column session_seq integer`,
  sql`create index vitals_readings_session_seq on vitals_readings (session_id, session_seq)
    where session_seq is not null`,
  sql`alter table alert_engine_states add column as_of_seq integer not null default 0`,
  sql`alter table alert_engine_states add column version integer not null default 0`,
  sql`alter table alert_engine_states add column profile_key text`,
  sql`update alert_engine_states as s set as_of_seq = i.seq from infusion_sessions as i where i.id = s.session_id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
