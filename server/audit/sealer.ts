import { setImmediate } from "node:timers/promises";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { logger } from "../logging/logger.ts";
import { SealBlockBuilder } from "./seal-block.ts";
import { auditRowPages, lastSeal } from "./stored-rows.ts";

/** Rows hashed between turns of the event loop (a reading's alarm waits at most one slice). */
const yieldEveryRows = 50;

/** One sealer at a time across every node on the database (beside the keys in db/advisory-lock.ts). */
const sealLockKey = 0x7669_6734n;

export interface SealOptions {
  /**
   * true (the default): retry the horizon until in-flight writes let it through (up to waitMs) and wait
   * for a concurrent sealer, so every row committed before the call is sealed when it returns. false (the
   * timer): give up on this round instead.
   */
  wait?: boolean;
  waitMs?: number;
  /** How long the horizon may queue for its lock; kept below deadlock_timeout (1 s), see readHorizon. */
  lockTimeoutMs?: number;
  /** Rows per seal block at most (a backlog is sealed in several blocks). */
  maxBlockRows?: number;
}

export interface SealOutcome {
  /** Seal blocks this call wrote, and the rows they cover. */
  blocks: number;
  rows: number;
  /** Why this round sealed nothing: the horizon's lock timed out, or another sealer is sealing. */
  skipped?: "lock-timeout" | "busy";
}

function isLockTimeout(error: unknown): boolean {
  return (error as { code?: unknown }).code === "55P03"; // lock_not_available
}

/**
 * The highest seq below which every row is final. SHARE mode conflicts with the ROW EXCLUSIVE lock an
 * INSERT holds until its transaction ends, and a row's seq is drawn inside its INSERT: once granted, every
 * transaction that drew a seq so far has committed or rolled back (a permanent gap), and any later seq is
 * higher than this max. The lock is released at once. While it waits, new inserts queue behind it, so it
 * waits briefly: a writer that holds audit_log and waits on another writer queued here would otherwise be
 * a deadlock, which must cost the sealer its round, never a write. null when the lock timed out.
 */
async function readHorizon(db: Kysely<Database>, lockTimeoutMs: number): Promise<number | null> {
  try {
    return await db
      .transaction()
      .setIsolationLevel("read committed")
      .execute(async (trx) => {
        await sql`select set_config('lock_timeout', ${`${Math.trunc(lockTimeoutMs)}ms`}, true)`.execute(trx);
        await sql`lock table audit_log in share mode`.execute(trx);
        // A statement of its own after the lock: its snapshot sees every transaction the lock waited for.
        const row = await trx
          .selectFrom("audit_log")
          .select(sql<string | null>`max(seq)::text`.as("max"))
          .executeTakeFirstOrThrow();
        return Number(row.max ?? 0);
      });
  } catch (error) {
    if (isLockTimeout(error)) return null;
    throw error;
  }
}

/**
 * Seals the next block of rows up to horizon under the seal lock, chaining on from the last seal read under
 * that lock. Returns the rows sealed (0: nothing left below the horizon), or "busy".
 */
async function sealNextBlock(
  db: Kysely<Database>,
  horizon: number,
  wait: boolean,
  maxRows: number,
): Promise<number | "busy"> {
  return db
    .transaction()
    .setIsolationLevel("read committed")
    .execute(async (trx) => {
      if (wait) {
        await sql`select pg_advisory_xact_lock(${sealLockKey.toString()}::bigint)`.execute(trx);
      } else {
        const { rows } = await sql<{ got: boolean }>`
          select pg_try_advisory_xact_lock(${sealLockKey.toString()}::bigint) as got`.execute(trx);
        if (!rows[0]?.got) return "busy";
      }
      const builder = new SealBlockBuilder(await lastSeal(trx));
      if (builder.fromSeq > horizon) return 0;
      for await (const row of auditRowPages(trx, builder.fromSeq - 1, horizon)) {
        builder.add(row);
        if (builder.rows >= maxRows) break;
        // Hashing a page is one long stretch of the event loop: let the sockets in between slices.
        if (builder.rows % yieldEveryRows === 0) await setImmediate();
      }
      const seal = builder.build();
      if (!seal) return 0;
      await trx
        .insertInto("audit_seals")
        .values({
          block: String(seal.block),
          from_seq: String(seal.fromSeq),
          to_seq: String(seal.toSeq),
          row_count: seal.rowCount,
          gaps: JSON.stringify(seal.gaps),
          digests: sql<Uint8Array>`decode(${seal.digests}, 'hex')`,
          prev_hash: seal.prevHash,
          hash: seal.hash,
        })
        .execute();
      return seal.rowCount;
    });
}

/**
 * Chains the audit rows committed so far into seal blocks (audit_seals): reads the horizon, then seals
 * from the last seal up to it. With wait (the default), every row committed before the call is sealed
 * when it returns; the timer passes wait: false and simply tries again on its next round.
 */
export async function sealAudit(db: Kysely<Database>, options: SealOptions = {}): Promise<SealOutcome> {
  const wait = options.wait ?? true;
  const lockTimeoutMs = options.lockTimeoutMs ?? 100;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  let horizon = await readHorizon(db, lockTimeoutMs);
  while (horizon === null && wait) {
    if (Date.now() > deadline)
      throw new Error("audit sealing: writes to audit_log stayed in flight too long");
    horizon = await readHorizon(db, lockTimeoutMs);
  }
  if (horizon === null) return { blocks: 0, rows: 0, skipped: "lock-timeout" };
  const outcome: SealOutcome = { blocks: 0, rows: 0 };
  for (;;) {
    const sealed = await sealNextBlock(db, horizon, wait, options.maxBlockRows ?? 20_000);
    if (sealed === "busy") return { ...outcome, skipped: "busy" };
    if (sealed === 0) return outcome;
    outcome.blocks++;
    outcome.rows += sealed;
  }
}

export interface AuditSealer {
  /** Stops the timer, lets a running round finish and seals once more. */
  stop(): Promise<void>;
}

/** Seals every intervalMs on this node (several nodes take turns); a failed round is retried on the next. */
export function startAuditSealer(db: Kysely<Database>, intervalMs = 1000): AuditSealer {
  let running: Promise<unknown> | null = null;
  let stopped: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sealAudit(db, { wait: false })
      .catch((error: Error) =>
        logger.error({ err: error }, "audit sealing failed; retrying on the next round"),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        await running;
        await sealAudit(db).catch((error: Error) =>
          logger.error({ err: error }, "audit sealing at shutdown failed; the next start seals these rows"),
        );
      })();
      return stopped;
    },
  };
}
