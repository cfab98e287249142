import type { Kysely, Transaction } from "kysely";
import type { DischargeSignature } from "../../shared/schemas/discharge.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database, DischargeSignaturesTable } from "../db/schema.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function findDischarge(db: Db, sessionId: string): Promise<DischargeSignature | null> {
  const row = await db
    .selectFrom("discharge_signatures")
    .selectAll()
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const actors = await actorsById(db, [row.signed_by]);
  return {
    sessionId: row.session_id,
    signedBy: actorOf(actors, row.signed_by),
    signedAt: iso(row.signed_at),
    meaning: row.meaning,
    note: row.note,
  };
}

export async function insertDischarge(db: Db, row: DischargeSignaturesTable): Promise<void> {
  await db.insertInto("discharge_signatures").values(row).execute();
}
