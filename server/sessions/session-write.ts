import type { Transaction } from "kysely";
import { isLocked } from "../../shared/clinical/phases.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { AppContext } from "../app-context.ts";
import type { Database } from "../db/schema.ts";
import { notFound, sessionLocked } from "../http/errors.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { lockSession, reserveSeqs } from "./repo.ts";

export interface WriteOutcome<T> {
  result: T;
  changes: SessionChange[];
}

/**
 * Every write to a session goes through here: lock the session row, refuse a locked (discharged)
 * session, run the write, number its events, commit, and only then broadcast. A write is never
 * announced before it is durable, and events of one session are numbered in commit order.
 */
export async function writeToSession<T>(
  ctx: AppContext,
  sessionId: string,
  write: (trx: Transaction<Database>, session: InfusionSession) => Promise<WriteOutcome<T>>,
  options: { allowLocked?: boolean } = {},
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
    return { ...outcome, seqs };
  });
  changes.forEach((change, i) => {
    ctx.publisher.sessionChanged(sessionId, seqs[i]!, change);
  });
  return result;
}
