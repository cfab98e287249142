import type { Kysely } from "kysely";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { Database } from "../db/schema.ts";
import { logger } from "../logging/logger.ts";
import { type EngineCache, engineCache } from "./engine-cache.ts";
import { provisionalAlarms } from "./provisional-alarms.ts";
import type { JobResult, ReadingJob } from "./reading-job.ts";
import { recordBatch } from "./record-batch.ts";

export interface BatcherOptions {
  /** How long the first reading of an idle batcher waits for company (0: the current turn of the event loop). */
  windowMs: number;
  maxBatch: number;
  /** Batches in flight at once: 1 on PGlite (one connection), a few on PostgreSQL. */
  maxConcurrent: number;
  /** A queue is shared out among free slots only when each share has at least this many readings. */
  minSplitBatch: number;
}

interface Pending {
  job: ReadingJob;
  /** The session of the provisional alarms published for this reading, to settle once it commits or fails. */
  provisionalIn?: string;
  resolve: (response: RecordVitalsResponse) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for readings: readings that arrive while a batch is being written (or within the window)
 * are written together in one transaction. Each caller is answered, and each change published, only after
 * its batch committed. If the batch transaction fails as a whole, every job is retried alone, so one bad
 * job never fails its neighbours (and a retry is safe: readings are idempotent on their id).
 */
export class ReadingBatcher {
  readonly #queue: Pending[] = [];
  #timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  #inflight = 0;

  readonly #engines: EngineCache;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: BatcherOptions,
  ) {
    this.#engines = engineCache(db);
  }

  submit(job: ReadingJob): Promise<RecordVitalsResponse> {
    const provisionalIn = this.#announce(job);
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject, ...(provisionalIn ? { provisionalIn } : {}) });
      this.#schedule();
    });
  }

  /**
   * Publishes the alarms the reading raises before the batch is written: the physician's alarm does not
   * wait for the commit. Best effort: whatever goes wrong here, the reading is still recorded, and the
   * committed alert is still published.
   */
  #announce(job: ReadingJob): string | undefined {
    try {
      const { alarms, stepped } = provisionalAlarms(this.#engines, job);
      if (stepped) job.preStepped = stepped;
      for (const alarm of alarms) job.ctx.publisher.provisionalAlarm(alarm);
      return alarms[0]?.sessionId;
    } catch (error) {
      logger.warn({ err: error }, "provisional alarm not computed; the committed alert follows");
      return undefined;
    }
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#inflight >= this.options.maxConcurrent) return;
    if (this.#queue.length >= this.options.maxBatch) {
      this.#flush();
      return;
    }
    const fire = () => {
      this.#timer = undefined;
      this.#flush();
    };
    this.#timer = this.options.windowMs > 0 ? setTimeout(fire, this.options.windowMs) : setImmediate(fire);
  }

  #flush(): void {
    while (this.#queue.length > 0 && this.#inflight < this.options.maxConcurrent) {
      // While a batch is being written, a few readings wait to join the next one rather than start their
      // own: each batch costs its round trips whatever its size, and at a clinic's pace (hundreds of readings
      // a second, a few per batch) those round trips were most of the sockets' thread's time.
      if (this.#inflight > 0 && this.#queue.length < this.options.minSplitBatch) return;
      const batch = this.#nextBatch();
      this.#inflight++;
      void this.#run(batch).finally(() => {
        this.#inflight--;
        // Whatever queued meanwhile has waited a whole batch already: write it now.
        if (this.#timer === undefined) this.#flush();
      });
    }
  }

  /**
   * The next batch: the queue's head up to maxBatch, or, when a big queue meets several free slots, a share
   * of it for each slot, so one batch's statements overlap with the next one's work in this process. A share
   * takes whole targets (every queued job of a session or a chair), so a session's readings launched
   * together stay in one batch, in order; a queue that addresses sessions both by id and by chair is not
   * split (a chair's session is only known inside the transaction).
   */
  #nextBatch(): Pending[] {
    const { maxBatch, maxConcurrent, minSplitBatch } = this.options;
    const free = maxConcurrent - this.#inflight;
    const share = Math.ceil(this.#queue.length / free);
    if (free < 2 || share < minSplitBatch || mixedTargets(this.#queue)) {
      return this.#queue.splice(0, maxBatch);
    }
    const size = Math.min(maxBatch, share);
    const taken = new Set<string>();
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const pending of this.#queue) {
      const key = targetKey(pending.job);
      if (!taken.has(key) && batch.length < size) taken.add(key);
      (taken.has(key) ? batch : rest).push(pending);
    }
    this.#queue.length = 0;
    for (const pending of rest) this.#queue.push(pending);
    return batch;
  }

  async #run(batch: Pending[]): Promise<void> {
    const jobs = batch.map((p) => p.job);
    let results: JobResult[];
    try {
      results = await this.#record(jobs);
    } catch (error) {
      results = batch.length === 1 ? [{ ok: false, error }] : await this.#eachAlone(jobs);
    }
    for (const [i, pending] of batch.entries()) settle(pending, results[i]!);
  }

  /**
   * One transaction; the engine states it leaves are kept only once it has committed (a rollback leaves
   * the database, and so the states kept before, as they were).
   */
  async #record(jobs: ReadingJob[]): Promise<JobResult[]> {
    const { results, cacheUpdates } = await this.db
      .transaction()
      .execute((trx) => recordBatch(trx, jobs, this.#engines));
    this.#engines.commit(cacheUpdates);
    return results;
  }

  /** Nothing of the failed batch committed: each job gets its own transaction and its own answer. */
  async #eachAlone(jobs: ReadingJob[]): Promise<JobResult[]> {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        results.push(...(await this.#record([job])));
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
    return results;
  }
}

const targetKey = (job: ReadingJob): string =>
  "sessionId" in job.target ? `s:${job.target.sessionId}` : `c:${job.target.chair}`;

function mixedTargets(queue: readonly Pending[]): boolean {
  const byChair = queue.some((p) => "chair" in p.job.target);
  return byChair && queue.some((p) => "sessionId" in p.job.target);
}

/**
 * Publishes a committed job's changes in seq order, then settles its provisional alarms (after the alerts
 * that now speak for them), then answers its caller.
 */
function settle(pending: Pending, result: JobResult): void {
  const { publisher } = pending.job.ctx;
  const settleProvisional = (recorded: boolean) => {
    if (pending.provisionalIn) {
      publisher.provisionalSettled(pending.provisionalIn, pending.job.input.id.toLowerCase(), recorded);
    }
  };
  if (!result.ok) {
    settleProvisional(false);
    pending.reject(result.error);
    return;
  }
  const { sessionId, changes, seqs, response } = result.value;
  try {
    changes.forEach((change, i) => {
      publisher.sessionChanged(sessionId, seqs[i]!, change);
    });
    settleProvisional(true);
    pending.resolve(response);
  } catch (error) {
    pending.reject(error);
  }
}

const batchers = new WeakMap<Kysely<Database>, ReadingBatcher>();

export const defaultBatcherOptions = (kind: "pglite" | "postgres"): BatcherOptions => ({
  windowMs: 0,
  maxBatch: 500,
  maxConcurrent: kind === "pglite" ? 1 : 4,
  // 300 chairs on PostgreSQL: 4 × 75 readings beat 1 × 300 by a quarter (the process works on one batch
  // while the database writes another); below this, a batch's fixed statements cost more than that gains.
  minSplitBatch: 50,
});

/** One batcher per database (contexts that share a database, e.g. with another clock, share it too). */
export function readingBatcher(db: Kysely<Database>, kind: "pglite" | "postgres"): ReadingBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReadingBatcher(db, defaultBatcherOptions(kind));
    batchers.set(db, batcher);
  }
  return batcher;
}

/** Replaces a database's batcher settings (benchmarks: maxBatch 1 is the one-transaction-per-reading path). */
export function configureReadingBatcher(db: Kysely<Database>, options: BatcherOptions): void {
  batchers.set(db, new ReadingBatcher(db, options));
}
