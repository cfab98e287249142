import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type {
  PGliteRequest,
  PGliteResponse,
  PGliteWorkerOptions,
  SerializedDbError,
} from "./pglite-protocol.ts";

type Pending = { resolve: (response: PGliteResponse & { ok: true }) => void; reject: (error: Error) => void };
type RequestBody = PGliteRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** A database error from the worker, with the fields callers look at (code, constraint, …) restored. */
export class PGliteError extends Error {
  constructor(fields: SerializedDbError) {
    super(fields.message);
    this.name = "PGliteError";
    Object.assign(this, fields);
  }
}

/**
 * The worker runs the TypeScript of pglite-worker.ts: it registers tsx itself (the server runs under tsx,
 * tests under vitest, whose loaders a worker thread does not share) and starts without the parent's
 * loader flags, so the hooks are registered exactly once.
 */
const bootstrap = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi)
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((error) => { console.error(error); process.exit(1); });
`;

/**
 * tsx's ESM register API (its CommonJS build cannot register from a worker). Resolved with require, as
 * vitest's module runner has no import.meta.resolve: the "import" entry sits beside the "require" one.
 */
function tsxEsmApi(): string {
  const requireEntry = createRequire(import.meta.url).resolve("tsx/esm/api");
  return pathToFileURL(requireEntry.replace(/\.cjs$/, ".mjs")).href;
}

export interface PGliteThreadEvents {
  /**
   * The thread ended, or failed, without being closed: every query from now on fails. Called once. The
   * server cannot go on without its database; its answer is to exit, so its service manager restarts it.
   */
  onLost?: (error: Error) => void;
}

/**
 * Embedded PGlite on a worker thread, queried by message: its statements no longer run on the thread that
 * serves the sockets. Requests are answered in the order sent (the worker takes them one at a time).
 */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #failed: Error | undefined;
  #ready = false;
  #closing = false;

  private constructor(worker: Worker, events: PGliteThreadEvents) {
    this.#worker = worker;
    worker.on("message", (response: PGliteResponse) => {
      const pending = this.#pending.get(response.id);
      if (!pending) return;
      this.#pending.delete(response.id);
      if (response.ok) pending.resolve(response);
      else pending.reject(new PGliteError(response.error));
    });
    const fail = (error: Error) => {
      const first = this.#failed === undefined;
      this.#failed ??= error;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      if (first && this.#ready && !this.#closing) events.onLost?.(this.#failed);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the embedded database thread exited (code ${code})`)));
  }

  static async start(options: PGliteWorkerOptions, events: PGliteThreadEvents = {}): Promise<PGliteThread> {
    const worker = new Worker(bootstrap, {
      eval: true,
      execArgv: [],
      workerData: {
        ...options,
        entry: new URL("./pglite-worker.ts", import.meta.url).href,
        tsxApi: tsxEsmApi(),
      },
      transferList: options.loadDataDir ? [options.loadDataDir] : [],
    });
    const thread = new PGliteThread(worker, events);
    // The worker says it is ready (id 0) once PGlite has opened its data directory.
    await new Promise<void>((resolve, reject) => {
      thread.#pending.set(0, { resolve: () => resolve(), reject });
    });
    thread.#ready = true;
    return thread;
  }

  #request(body: RequestBody): Promise<PGliteResponse & { ok: true }> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...body, id });
    });
  }

  async query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows: number }> {
    const response = await this.#request({ type: "query", sql, params });
    if (!("rows" in response)) throw new Error("the embedded database answered a query without rows");
    return { rows: response.rows as R[], affectedRows: response.affectedRows };
  }

  async dumpDataDir(): Promise<Blob> {
    const response = await this.#request({ type: "dump" });
    if (!("dump" in response)) throw new Error("the embedded database answered a dump without data");
    return new Blob([response.dump]);
  }

  /** Closes PGlite (it flushes its files) and ends the thread. */
  async close(): Promise<void> {
    this.#closing = true;
    // A thread that ends while it closes has closed.
    if (!this.#failed)
      await this.#request({ type: "close" }).catch((error: unknown) => {
        if (!this.#failed) throw error;
      });
    this.#failed ??= new Error("the embedded database is closed");
    await this.#worker.terminate();
  }
}
