import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { freshPostgresDatabase } from "./postgres.ts";

export interface TestDatabase {
  /** Opens a connection to it; on PostgreSQL each call is another node on the same database. */
  open(): Promise<DatabaseHandle>;
  postgres: boolean;
  /** Drops the PostgreSQL database (after every handle is closed); nothing to do on PGlite. */
  drop(): Promise<void>;
}

/**
 * A test file's database: a new PostgreSQL database when TEST_DATABASE_URL is set, else a copy of the
 * PGlite template migrated once per run (tests/setup/database-template.ts).
 */
export async function testDatabase(): Promise<TestDatabase> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const fresh = pgUrl ? await freshPostgresDatabase(pgUrl) : null;
  if (fresh) {
    return { open: () => openDatabase({ databaseUrl: fresh.url }), postgres: true, drop: fresh.drop };
  }
  return {
    open: () => openDatabase({ loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) }),
    postgres: false,
    drop: async () => {},
  };
}

/**
 * One database for a test file, opened (and migrated, if asked) before its tests, closed and dropped after
 * them: call at the top of the file, and call the function it returns inside the tests.
 */
export function databaseForFile(options: { migrate?: boolean } = {}): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const store = await testDatabase();
    drop = store.drop;
    handle = await store.open();
    if (options.migrate) await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });
  return () => {
    if (!handle) throw new Error("the test file's database opens in beforeAll");
    return handle;
  };
}
