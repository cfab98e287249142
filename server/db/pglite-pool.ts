import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

const writeCommands = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

function commandOf(sql: string): PostgresQueryResult<unknown>["command"] {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "SELECT";
  return (writeCommands.has(word) ? word : "SELECT") as PostgresQueryResult<unknown>["command"];
}

/**
 * Presents an embedded PGlite as a pg-style pool so Kysely's own PostgresDialect drives both
 * backends with one SQL dialect. PGlite is a single connection: a "connection" is a turn at a
 * mutex, so a transaction Kysely runs on it is never interleaved with another caller's queries.
 */
/** What the pool needs of PGlite: an in-process instance or the worker thread (pglite-thread.ts). */
export interface PGliteQueryable {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
}

export class PGlitePool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly pg: PGliteQueryable) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const pg = this.pg;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pg.query<R>(sql, [...parameters]);
        const command = commandOf(sql);
        const rowCount = writeCommands.has(command) ? (result.affectedRows ?? 0) : result.rows.length;
        return { command, rowCount, rows: result.rows };
      },
      release() {
        if (released) return;
        released = true;
        release();
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
  }
}
