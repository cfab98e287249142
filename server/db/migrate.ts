import { type Kysely, type MigrationProvider, Migrator } from "kysely";
import { advisoryLocks, withAdvisoryLock } from "./advisory-lock.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date. Nodes starting together take turns under an advisory lock held around
 * the whole run (Kysely's own lock only covers applying migrations, not creating its bookkeeping
 * tables), so the first migrates and the others find nothing left to do. Returns what this call applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await withAdvisoryLock(db, advisoryLocks.migrations, (conn) =>
    new Migrator({ db: conn, provider }).migrateToLatest(),
  );
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
