import type { Kysely, Transaction } from "kysely";
import {
  type ChecklistItems,
  checklistItemsSchema,
  emptyChecklist,
} from "../../shared/clinical/discharge/checklist.ts";
import type { ChecklistState, ChecklistVersion } from "../../shared/schemas/discharge-readiness.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { DischargeChecklistVersionsTable } from "../db/tables/discharge.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Every stored version of a session's checklist, newest first. Versions are only ever inserted. */
export async function listChecklistVersions(db: Db, sessionId: string): Promise<ChecklistVersion[]> {
  const rows = await db
    .selectFrom("discharge_checklist_versions")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("recorded_at", "desc")
    .orderBy("id")
    .execute();
  const actors = await actorsById(
    db,
    rows.map((r) => r.recorded_by),
  );
  return rows.map((r) => ({
    id: r.id,
    items: checklistItemsSchema.parse(r.items),
    recordedBy: actorOf(actors, r.recorded_by),
    recordedAt: iso(r.recorded_at),
  }));
}

/** The latest version, or all unticked (nobody updated it yet). */
export async function currentChecklist(db: Db, sessionId: string): Promise<ChecklistState> {
  const [latest] = await listChecklistVersions(db, sessionId);
  return latest
    ? { items: latest.items, updatedBy: latest.recordedBy, updatedAt: latest.recordedAt }
    : { items: emptyChecklist(), updatedBy: null, updatedAt: null };
}

export async function insertChecklistVersion(
  db: Db,
  row: Omit<DischargeChecklistVersionsTable, "items"> & { items: ChecklistItems },
): Promise<void> {
  await db
    .insertInto("discharge_checklist_versions")
    .values({ ...row, items: JSON.stringify(row.items) })
    .execute();
}
