import type { LogEvent } from "kysely";
import { round } from "../bench-result.ts";

/** The batch statements, told apart by their text (server/vitals/record-batch.ts and what it calls). */
const kinds: [kind: string, pattern: RegExp][] = [
  ["begin", /^begin\b/i],
  ["commit", /^commit\b/i],
  ["lock", /from infusion_sessions[\s\S]*for update/],
  ["reads", /^\s*select\s+array\(select id::text from vitals_readings/],
  ["write", /insert into vitals_readings/],
];

export interface BatchTimings {
  batches: number;
  /** Summed statement time by kind, per batch. */
  msPerBatch: Record<string, number>;
}

/**
 * Where a batch's time goes: each statement's duration as Kysely's log reports it (sent to answered;
 * waiting for the connection not included), summed by kind and divided by the batches (one BEGIN each).
 * Pass `log` to the Kysely instance; only what runs inside `during` counts (not seeding or warm-up).
 */
export class StatementTimings {
  #recording = false;
  readonly #ms = new Map<string, number>();
  #batches = 0;

  readonly log = (event: LogEvent): void => {
    if (!this.#recording) return;
    const kind = kinds.find(([, pattern]) => pattern.test(event.query.sql))?.[0] ?? "other";
    if (kind === "begin") this.#batches++;
    this.#ms.set(kind, (this.#ms.get(kind) ?? 0) + event.queryDurationMillis);
  };

  async during<T>(work: () => Promise<T>): Promise<{ result: T; timings: BatchTimings }> {
    this.#ms.clear();
    this.#batches = 0;
    this.#recording = true;
    try {
      const result = await work();
      return { result, timings: this.#summary() };
    } finally {
      this.#recording = false;
    }
  }

  #summary(): BatchTimings {
    const per = Math.max(1, this.#batches);
    const msPerBatch = Object.fromEntries(
      [...kinds.map(([kind]) => kind), "other"].map((kind) => [kind, round((this.#ms.get(kind) ?? 0) / per)]),
    );
    return { batches: this.#batches, msPerBatch };
  }
}
