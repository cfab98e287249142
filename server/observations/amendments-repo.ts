import type { Kysely, Transaction } from "kysely";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database, ObservationAmendmentsTable } from "../db/schema.ts";
import { iso } from "../db/time.ts";
import { type AmendmentFields, finalEntry } from "../vitals/amendments-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The amendments that touch these observations: as the amended entry or as its correction. */
export async function observationAmendmentFields(
  db: Db,
  ids: string[],
): Promise<Map<string, AmendmentFields>> {
  const result = new Map(ids.map((id) => [id, finalEntry()]));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom("observation_amendments")
    .selectAll()
    .where((eb) => eb.or([eb("observation_id", "in", ids), eb("correction_id", "in", ids)]))
    .execute();
  const actors = await actorsById(
    db,
    rows.map((r) => r.amended_by),
  );
  for (const row of rows) {
    const amended = result.get(row.observation_id);
    if (amended) {
      amended.status = "entered_in_error";
      amended.enteredInError = {
        reason: row.reason,
        by: actorOf(actors, row.amended_by),
        at: iso(row.amended_at),
        supersededBy: row.correction_id,
      };
    }
    const correction = row.correction_id ? result.get(row.correction_id) : undefined;
    if (correction) correction.supersedes = row.observation_id;
  }
  return result;
}

export async function findObservationAmendment(
  db: Db,
  observationId: string,
): Promise<ObservationAmendmentsTable | undefined> {
  return db
    .selectFrom("observation_amendments")
    .selectAll()
    .where("observation_id", "=", observationId)
    .executeTakeFirst();
}

export async function insertObservationAmendment(db: Db, row: ObservationAmendmentsTable): Promise<void> {
  await db.insertInto("observation_amendments").values(row).execute();
}
