import type { Kysely, Transaction } from "kysely";
import { type AmendmentFields, amendmentFields } from "../amendments/amendment-fields.ts";
import type { Database } from "../db/schema.ts";
import type { ReadingAmendmentsTable } from "../db/tables/sessions.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The amendments that touch these readings: as the amended entry or as its correction. */
export async function readingAmendmentFields(db: Db, ids: string[]): Promise<Map<string, AmendmentFields>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("reading_amendments")
    .selectAll()
    .where((eb) => eb.or([eb("reading_id", "in", ids), eb("correction_id", "in", ids)]))
    .execute();
  return amendmentFields(
    db,
    ids,
    rows.map((r) => ({ ...r, entryId: r.reading_id })),
  );
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
