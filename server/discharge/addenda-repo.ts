import type { Kysely, Transaction } from "kysely";
import type { Addendum } from "../../shared/schemas/addendum.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { SessionAddendaTable } from "../db/tables/sessions.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function toAddenda(db: Db, rows: SessionAddendaTable[]): Promise<Addendum[]> {
  const actors = await actorsById(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    text: r.text,
    author: actorOf(actors, r.author_id),
    createdAt: iso(r.created_at),
  }));
}

export async function listAddenda(db: Db, sessionId: string): Promise<Addendum[]> {
  const rows = await db
    .selectFrom("session_addenda")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return toAddenda(db, rows);
}

export async function insertAddendum(db: Db, row: SessionAddendaTable): Promise<Addendum> {
  const inserted = await db
    .insertInto("session_addenda")
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
  return (await toAddenda(db, [inserted]))[0]!;
}
