import { type Kysely, sql } from "kysely";

/**
 * Per-account login lockout: failed logins in a row (reset by a success) and, once they reach
 * VIGIL_LOGIN_MAX_FAILURES, the time until which the account refuses every login.
 */
const statements = [
  sql`alter table users add column failed_login_count integer not null default 0`,
  sql`alter table users add column locked_until timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
