import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { DATE_OID, keepDateText } from "./date-type.ts";
import type {
  PGliteRequest,
  PGliteResponse,
  PGliteWorkerOptions,
  SerializedDbError,
} from "./pglite-protocol.ts";

/**
 * The embedded database's own thread: PGlite runs its queries synchronously in WebAssembly, so on the
 * server's thread every statement would hold up the sockets (a reading arriving mid-batch waited for it).
 * Here it owns the data directory and answers one request at a time, in the order sent.
 */
const options = workerData as PGliteWorkerOptions;
const port = parentPort!;

lowerOwnPriority();

const lite = await PGlite.create({
  ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
  parsers: { [DATE_OID]: keepDateText },
  // Never answer before the commit reached the files. With a data directory PGlite writes through to
  // them (write(2)) as it commits, so an acknowledged write survives the process being killed. Its fsync
  // is a no-op: surviving an OS crash or power loss takes PostgreSQL (DATABASE_URL).
  relaxedDurability: false,
});

/**
 * On Linux a thread has its own nice value: this one (the database, throughput work) gives way to the
 * thread that serves the sockets (latency work) whenever both want the one free core. Best effort.
 */
function lowerOwnPriority(): void {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}

function serializeError(error: unknown): SerializedDbError {
  const e = error as Record<string, unknown> & { message?: unknown };
  const fields: SerializedDbError = { message: typeof e?.message === "string" ? e.message : String(error) };
  for (const key of [
    "code",
    "detail",
    "hint",
    "constraint",
    "table",
    "column",
    "schema",
    "severity",
  ] as const) {
    if (typeof e?.[key] === "string") fields[key] = e[key] as string;
  }
  return fields;
}

async function answer(request: PGliteRequest): Promise<PGliteResponse> {
  switch (request.type) {
    case "query": {
      const result = await lite.query(request.sql, request.params);
      return { id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    }
    case "dump": {
      const blob = await lite.dumpDataDir("gzip");
      return { id: request.id, ok: true, dump: await blob.arrayBuffer() };
    }
    case "close":
      await lite.close();
      return { id: request.id, ok: true };
  }
}

port.on("message", (request: PGliteRequest) => {
  answer(request).then(
    (response) => port.postMessage(response, "dump" in response ? [response.dump] : []),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) }),
  );
});
port.postMessage({ id: 0, ok: true });
