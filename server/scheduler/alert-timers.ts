import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import { reserveSeqs, toSession } from "../sessions/repo.ts";

export interface AlertTimers {
  /** Fires every engine timer that is due now; returns how many sessions were advanced. */
  runDue(): Promise<number>;
  stop(): void;
}

const BATCH = 50;

/**
 * Timer-driven alert rules (persistence confirmation, overdue BP, stale stream, escalation). The
 * engine knows when each session's next timer falls due; this claims due sessions with
 * FOR UPDATE SKIP LOCKED, so with several server nodes each timer fires exactly once, and a node
 * that dies mid-way only releases its claim.
 */
export function startAlertTimers(ctx: AppContext, intervalMs = 1000): AlertTimers {
  let running: Promise<number> | null = null;

  async function advanceOne(): Promise<boolean> {
    const now = ctx.now();
    const changes = await ctx.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom("alert_engine_states")
        .select("session_id")
        .where("next_due_at", "<=", now)
        .orderBy("next_due_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return null;
      const row = await trx
        .selectFrom("infusion_sessions")
        .selectAll()
        .where("id", "=", due.session_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const session = toSession(row);
      const alerts = alertChanges(await runEngine(trx, session, { kind: "advance", t: now.getTime() }, now));
      const seqs = alerts.length ? await reserveSeqs(trx, session.id, alerts.length) : [];
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
        console.error("alert timers:", error.message);
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
