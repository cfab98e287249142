import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import { appendAuditBatch, auditActor } from "../audit/log.ts";
import { logger } from "../logging/logger.ts";
import { reserveSeqs, toSession } from "../sessions/repo.ts";
import { auditEntriesFor } from "../sessions/write-audit.ts";

export interface AlertTimers {
  /** Fires every engine timer that is due now; returns how many sessions were advanced. */
  runDue(): Promise<number>;
  stop(): void;
}

const BATCH = 50;

/**
 * Timer-driven alert rules (persistence confirmation, overdue BP, stale stream, escalation). The
 * engine knows when each session's next timer falls due; this claims due sessions (their row, the same
 * lock every session write takes) with FOR UPDATE SKIP LOCKED, so with several server nodes each timer
 * fires exactly once, a busy session is simply picked up on a later tick, and a node that dies mid-way
 * only releases its claim (its transaction rolls back; another node fires the timer).
 */
export function startAlertTimers(ctx: AppContext, intervalMs = 1000): AlertTimers {
  let running: Promise<number> | null = null;

  async function advanceOne(): Promise<boolean> {
    const now = ctx.now();
    const changes = await ctx.db.transaction().execute(async (trx) => {
      // The session row is the claim, locked first like every session write does: claiming the engine
      // state row first would deadlock against a reading being written to the same session.
      const row = await trx
        .selectFrom("infusion_sessions")
        .innerJoin("alert_engine_states", "alert_engine_states.session_id", "infusion_sessions.id")
        .selectAll("infusion_sessions")
        .where("alert_engine_states.next_due_at", "<=", now)
        .orderBy("alert_engine_states.next_due_at")
        .limit(1)
        .forUpdate(["infusion_sessions"])
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      // The engine state is re-read under the lock: a claim that another node has just served finds
      // nothing due and fires nothing.
      const session = toSession(row);
      const alerts = alertChanges(await runEngine(trx, session, { kind: "advance", t: now.getTime() }, now));
      const seqs = alerts.length ? await reserveSeqs(trx, session.id, alerts.length) : [];
      // A timer's alert changes (overdue, stale, escalated) are audited like any write, by "system".
      if (alerts.length > 0) {
        await appendAuditBatch(
          trx,
          auditEntriesFor(session, { changes: alerts }, auditActor(null), undefined, now),
        );
      }
      return { sessionId: session.id, alerts, seqs };
    });
    if (!changes) return false;
    changes.alerts.forEach((change, i) => {
      ctx.publisher.sessionChanged(changes.sessionId, changes.seqs[i]!, change);
    });
    return true;
  }

  async function runDue(): Promise<number> {
    let advanced = 0;
    while (advanced < BATCH && (await advanceOne())) advanced++;
    return advanced;
  }

  const timer = setInterval(() => {
    if (running) return;
    running = runDue()
      .catch((error: Error) => {
        logger.error({ err: error }, "alert timers failed; retrying on the next tick");
        return 0;
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();

  return {
    runDue: () => runDue(),
    stop: () => clearInterval(timer),
  };
}
