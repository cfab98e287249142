import type { Kysely, Transaction } from "kysely";
import type { EnteredInError } from "../../shared/schemas/entered-in-error.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Status, amendment and supersession of an entry, as every reading and observation in the API carries them. */
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

/** One amendment row, whichever kind of entry it amends. */
export interface AmendmentRow {
  entryId: string;
  correction_id: string | null;
  reason: string;
  amended_by: string;
  amended_at: Date;
}

/** Folds amendment rows into the fields of the given entries: as the amended entry or as its correction. */
export async function amendmentFields(
  db: Db,
  ids: string[],
  rows: AmendmentRow[],
): Promise<Map<string, AmendmentFields>> {
  const result = new Map(ids.map((id) => [id, finalEntry()]));
  const actors = await actorsById(
    db,
    rows.map((r) => r.amended_by),
  );
  for (const row of rows) {
    const amended = result.get(row.entryId);
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
    if (correction) correction.supersedes = row.entryId;
  }
  return result;
}
