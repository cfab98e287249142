import { type Kysely, sql } from "kysely";

/**
 * Staff accounts are never deleted (their names stay on the records they wrote): a leaver is
 * deactivated, which refuses their logins and their open sessions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column active boolean not null default true`.execute(db);
}
