/** Messages between the server and its embedded database thread (pglite-worker.ts, pglite-thread.ts). */

export interface PGliteWorkerOptions {
  dataDir?: string;
  /** A dumped data directory (gzipped tarball) to start from. */
  loadDataDir?: ArrayBuffer;
}

export type PGliteRequest =
  | { id: number; type: "query"; sql: string; params: unknown[] }
  | { id: number; type: "dump" }
  | { id: number; type: "close" };

/** What a database error carries that callers look at (the SQLSTATE code above all). */
export interface SerializedDbError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  severity?: string;
}

export type PGliteResponse =
  | { id: number; ok: true; rows: unknown[]; affectedRows: number }
  | { id: number; ok: true; dump: ArrayBuffer }
  | { id: number; ok: true }
  | { id: number; ok: false; error: SerializedDbError };
