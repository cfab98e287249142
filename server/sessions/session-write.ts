import type { Transaction } from "kysely";
import { isLocked } from "../../shared/clinical/phases.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { AppContext } from "../app-context.ts";
import { type AuditActor, appendAudit, auditActor } from "../audit/log.ts";
import type { Database } from "../db/schema.ts";
import { notFound, sessionLocked } from "../http/errors.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { lockSession, reserveSeqs } from "./repo.ts";

export interface WriteOutcome<T> {
  result: T;
  changes: SessionChange[];
  /** What the audit row of the write's action records as its value after (default: its first change's entity). */
  auditAfter?: unknown;
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
    await auditWrite(trx, session, outcome, auditActor(options.actor), options.action, ctx.now());
    return { ...outcome, seqs };
  });
  changes.forEach((change, i) => {
    ctx.publisher.sessionChanged(sessionId, seqs[i]!, change);
  });
  return result;
}

function changeEntity(change: SessionChange): { entity: string; id: string; value: unknown; action: string } {
  switch (change.type) {
    case "session:updated":
      return { entity: "session", id: change.session.id, value: change.session, action: change.type };
    case "vitals:recorded":
      return { entity: "vitals_reading", id: change.reading.id, value: change.reading, action: change.type };
    case "observation:recorded":
      return {
        entity: "observation",
        id: change.observation.id,
        value: change.observation,
        action: change.type,
      };
    case "alert:changed":
      return { entity: "alert", id: change.alert.id, value: change.alert, action: `alert:${change.change}` };
  }
}

async function auditWrite(
  trx: Transaction<Database>,
  session: InfusionSession,
  outcome: WriteOutcome<unknown>,
  actor: AuditActor,
  action: string | undefined,
  at: Date,
): Promise<void> {
  const base = { actor, sessionId: session.id, at };
  if (outcome.changes.length === 0) {
    if (action && outcome.auditAfter !== undefined)
      await appendAudit(trx, {
        ...base,
        action,
        entity: "session",
        entityId: session.id,
        after: outcome.auditAfter,
      });
    return;
  }
  for (const [i, change] of outcome.changes.entries()) {
    const { entity, id, value, action: changeAction } = changeEntity(change);
    const primary = i === 0 && action !== undefined;
    await appendAudit(trx, {
      ...base,
      action: primary ? action : changeAction,
      entity,
      entityId: id,
      before: entity === "session" ? session : null,
      after: primary && outcome.auditAfter !== undefined ? outcome.auditAfter : value,
    });
  }
}
