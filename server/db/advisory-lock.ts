import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Keys of the PostgreSQL advisory locks Vigil takes (one 64-bit keyspace per database, shared with
 * Kysely's own migration lock, which uses a different key).
 */
export const advisoryLocks = {
  migrations: 0x7669_6731n,
  demoSeed: 0x7669_6732n,
  demoLeader: 0x7669_6733n,
} as const;

/**
 * Runs fn on one connection while holding a session-level advisory lock, so nodes sharing a database
 * take turns (a second node waits, then finds the work done). A node that dies releases the lock with
 * its connection. fn must use the db it is given: on PGlite that connection is the only one.
 */
export async function withAdvisoryLock<T>(
  db: Kysely<Database>,
  key: bigint,
  fn: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key.toString()}::bigint)`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${key.toString()}::bigint)`.execute(conn);
    }
  });
}
