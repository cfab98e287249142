import type { Kysely, Transaction } from "kysely";
import { type AmendmentFields, amendmentFields } from "../amendments/amendment-fields.ts";
import type { Database } from "../db/schema.ts";
import type { ObservationAmendmentsTable } from "../db/tables/sessions.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The amendments that touch these observations: as the amended entry or as its correction. */
export async function observationAmendmentFields(
  db: Db,
  ids: string[],
): Promise<Map<string, AmendmentFields>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("observation_amendments")
    .selectAll()
    .where((eb) => eb.or([eb("observation_id", "in", ids), eb("correction_id", "in", ids)]))
    .execute();
  return amendmentFields(
    db,
    ids,
    rows.map((r) => ({ ...r, entryId: r.observation_id })),
  );
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
