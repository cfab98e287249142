import type { Transaction } from "kysely";
import { effectiveProfileKeyText } from "../alerts/effective-profiles.ts";
import { type AlertJson, alertRowFromJson } from "../alerts/repo.ts";
import { fixedStatement } from "../db/fixed-statement.ts";
import type { Database } from "../db/schema.ts";
import type { AlertsTable } from "../db/tables/alerts.ts";
import type { SessionMeta } from "./engine-snapshots.ts";

/**
 * What a batch reads once its sessions are locked, in one round trip: which of its reading ids are already
 * stored (retries), and, for each locked session, what its alert engine needs (the snapshot's meta and the
 * effective profile's key, see loadEngines) and its open alert rows. It is a statement of its own, after
 * the lock: in READ COMMITTED a statement reads from the snapshot it started with, so a statement that
 * waited for a lock would not see what the batch that held it wrote.
 */
const batchReadsRow = fixedStatement<{
  stored: string[];
  metas: SessionMeta[] | null;
  open_alerts: AlertJson[] | null;
}>(`
  select
    array(select id::text from vitals_readings where id = any($1::uuid[])) as stored,
    (select json_agg(m) from (
      select v.id as session_id, e.version, e.as_of_seq, e.profile_key as snapshot_profile_key, e.next_due_at,
        ${effectiveProfileKeyText("v.id")} as profile_key
      from unnest($2::uuid[]) as v(id)
      left join alert_engine_states e on e.session_id = v.id) m) as metas,
    (select json_agg(a) from alerts a where a.session_id = any($3::uuid[]) and a.status = 'open') as open_alerts`);

export interface BatchReads {
  /** The batch's reading ids that are already stored. */
  storedIds: string[];
  /** By locked session. */
  metas: Map<string, SessionMeta>;
  /** By locked session: its open alert rows (none: an empty list). */
  openAlerts: Map<string, AlertsTable[]>;
}

export async function readBatch(
  trx: Transaction<Database>,
  readingIds: readonly string[],
  lockedSessionIds: readonly string[],
): Promise<BatchReads> {
  const [row] = await batchReadsRow(trx, [[...new Set(readingIds)], lockedSessionIds, lockedSessionIds]);
  const openAlerts = new Map(lockedSessionIds.map((id) => [id, [] as AlertsTable[]]));
  for (const json of row?.open_alerts ?? []) openAlerts.get(json.session_id)?.push(alertRowFromJson(json));
  return {
    storedIds: row?.stored ?? [],
    metas: new Map((row?.metas ?? []).map((m) => [m.session_id, m])),
    openAlerts,
  };
}
