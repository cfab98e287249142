import fs from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../server/db/database.ts";
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
