import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { PGlitePool } from "./pglite-pool.ts";
import type { Database } from "./schema.ts";

/** DATE columns stay 'YYYY-MM-DD' strings: a date of birth has no time zone. */
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (a template for tests). */
  dump?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** A dumped PGlite data directory (tarball) to start from: tests copy a migrated template this way. */
  loadDataDir?: Blob;
}

/** PostgreSQL when a URL is given, otherwise embedded PGlite in dataDir (one process per directory). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on("error", (error) => console.error(`database: idle connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  let unlock = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [DATE_OID]: (value: string) => value },
    // Never answer before the commit reached the files. With a data directory PGlite writes through to
    // them (write(2)) as it commits, so an acknowledged write survives the process being killed. Its fsync
    // is a no-op: surviving an OS crash or power loss takes PostgreSQL (DATABASE_URL).
    relaxedDurability: false,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(lite) }) });
  return {
    db,
    kind: "pglite",
    dump: () => lite.dumpDataDir("gzip"),
    async close() {
      await db.destroy();
      await lite.close();
      unlock();
    },
  };
}
