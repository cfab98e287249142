import type { Kysely, Transaction } from "kysely";
import type { EnteredInError } from "../../shared/schemas/entered-in-error.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database, ReadingAmendmentsTable } from "../db/schema.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Status, amendment and supersession of a reading, as every reading in the API carries them. */
export interface AmendmentFields {
  status: "final" | "entered_in_error";
  enteredInError: EnteredInError | null;
  supersedes: string | null;
}

export const finalEntry = (): AmendmentFields => ({
  status: "final",
  enteredInError: null,
  supersedes: null,
});

/** The amendments that touch these readings: as the amended entry or as its correction. */
export async function readingAmendmentFields(db: Db, ids: string[]): Promise<Map<string, AmendmentFields>> {
  const result = new Map(ids.map((id) => [id, finalEntry()]));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom("reading_amendments")
    .selectAll()
    .where((eb) => eb.or([eb("reading_id", "in", ids), eb("correction_id", "in", ids)]))
    .execute();
  const actors = await actorsById(
    db,
    rows.map((r) => r.amended_by),
  );
  for (const row of rows) {
    const amended = result.get(row.reading_id);
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
    if (correction) correction.supersedes = row.reading_id;
  }
  return result;
}

export async function findReadingAmendment(
  db: Db,
  readingId: string,
): Promise<ReadingAmendmentsTable | undefined> {
  return db
    .selectFrom("reading_amendments")
    .selectAll()
    .where("reading_id", "=", readingId)
    .executeTakeFirst();
}

export async function insertReadingAmendment(db: Db, row: ReadingAmendmentsTable): Promise<void> {
  await db.insertInto("reading_amendments").values(row).execute();
}
