import type { Transaction } from "kysely";
import { isLocked } from "../../shared/clinical/phases.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { AppContext } from "../app-context.ts";
import { appendAuditBatch, auditActor } from "../audit/log.ts";
import type { Database } from "../db/schema.ts";
import { notFound, sessionLocked } from "../http/errors.ts";
import { lockSession, reserveSeqs } from "./repo.ts";
import { type AuditedOutcome, auditEntriesFor } from "./write-audit.ts";

export interface WriteOutcome<T> extends AuditedOutcome {
  result: T;
}

export interface WriteOptions {
  allowLocked?: boolean;
  /** Who writes (audited; "system" when absent, e.g. a timer). */
  actor?: { id: string; displayName: string } | null;
  /** The audited name of the write (e.g. "phase.change"); without it each change is audited by its type. */
  action?: string;
}

/**
 * Every write to a session goes through here: lock the session row, refuse a locked (discharged)
 * session, run the write, number its events, commit, and only then broadcast. A write is never
 * announced before it is durable, and events of one session are numbered in commit order. Each write is
 * audited in the same transaction: one audit row per change (the first named by the write's action), or one
 * row for the action alone when it changed nothing that is broadcast (screening, scores).
 */
export async function writeToSession<T>(
  ctx: AppContext,
  sessionId: string,
  write: (trx: Transaction<Database>, session: InfusionSession) => Promise<WriteOutcome<T>>,
  options: WriteOptions = {},
): Promise<T> {
  const { result, changes, seqs } = await ctx.db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session) throw notFound("Session");
    if (isLocked(session.phase) && !options.allowLocked) throw sessionLocked();
    const outcome = await write(trx, session);
    const seqs = outcome.changes.length > 0 ? await reserveSeqs(trx, sessionId, outcome.changes.length) : [];
    outcome.changes.forEach((change, i) => {
      // The session row was read before its events were numbered: carry the number it now has.
      if (change.type === "session:updated") change.session.seq = seqs[i]!;
    });
    await appendAuditBatch(
      trx,
      auditEntriesFor(session, outcome, auditActor(options.actor), options.action, ctx.now()),
    );
    return { ...outcome, seqs };
  });
  changes.forEach((change, i) => {
    ctx.publisher.sessionChanged(sessionId, seqs[i]!, change);
  });
  return result;
}
