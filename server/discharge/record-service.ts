import type { ChecklistItems } from "../../shared/clinical/discharge/checklist.ts";
import type { Addendum } from "../../shared/schemas/addendum.ts";
import type { DischargeReadiness } from "../../shared/schemas/discharge-readiness.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { insertAddendum } from "./addenda-repo.ts";
import { insertChecklistVersion } from "./checklist-repo.ts";
import { loadDischargeReadiness } from "./readiness.ts";

/**
 * The nurse's checklist: each save is a new stored version (who, when); the latest is shown. Refused
 * once the session is locked. Viewers learn of it through `session:updated` and refetch.
 */
export async function updateChecklist(
  ctx: AppContext,
  user: User,
  sessionId: string,
  items: ChecklistItems,
): Promise<DischargeReadiness> {
  return writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      const now = ctx.now();
      await insertChecklistVersion(trx, {
        id: crypto.randomUUID(),
        session_id: sessionId,
        items,
        recorded_by: user.id,
        recorded_at: now,
      });
      return {
        result: await loadDischargeReadiness(trx, session, now),
        changes: [{ type: "session:updated" as const, session }],
        auditAfter: { items },
      };
    },
    { actor: user, action: "checklist.save" },
  );
}

/** An addendum: text, author and time; the one write a locked (signed) record still accepts. */
export async function addAddendum(
  ctx: AppContext,
  user: User,
  sessionId: string,
  text: string,
): Promise<Addendum> {
  return writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      const addendum = await insertAddendum(trx, {
        id: crypto.randomUUID(),
        session_id: sessionId,
        text: text.trim(),
        author_id: user.id,
        created_at: ctx.now(),
      });
      return {
        result: addendum,
        changes: [{ type: "session:updated" as const, session }],
        auditAfter: addendum,
      };
    },
    { allowLocked: true, actor: user, action: "addendum.add" },
  );
}
