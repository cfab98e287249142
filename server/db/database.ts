import fs from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { DATE_OID, keepDateText } from "./date-type.ts";
import { PGlitePool } from "./pglite-pool.ts";
import { PGliteThread } from "./pglite-thread.ts";
import type { Database } from "./schema.ts";

pg.types.setTypeParser(DATE_OID, keepDateText);

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
  /** PGlite only: its thread ended without being closed (the data directory's lock is released first). */
  onEmbeddedDatabaseLost?: (error: Error) => void;
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
  // Its own thread (pglite-thread.ts): the sockets are served while a statement runs.
  const lite = await PGliteThread.start(
    {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: await options.loadDataDir.arrayBuffer() } : {}),
    },
    {
      onLost(error) {
        unlock();
        options.onEmbeddedDatabaseLost?.(error);
      },
    },
  ).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(lite) }) });
  return {
    db,
    kind: "pglite",
    dump: () => lite.dumpDataDir(),
    async close() {
      await db.destroy();
      await lite.close();
      unlock();
    },
  };
}
