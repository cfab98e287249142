import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { AuditActor, AuditEntry } from "../audit/log.ts";
import type { SessionChange } from "../realtime/publisher.ts";

/** What a session write changed, for its audit rows. */
export interface AuditedOutcome {
  changes: SessionChange[];
  /** What the audit row of the write's action records as its value after (default: its first change's entity). */
  auditAfter?: unknown;
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

/**
 * The audit rows of one session write: one per change (the first named by the write's action), or one
 * row for the action alone when it changed nothing that is broadcast (screening, scores).
 */
export function auditEntriesFor(
  session: InfusionSession,
  outcome: AuditedOutcome,
  actor: AuditActor,
  action: string | undefined,
  at: Date,
): AuditEntry[] {
  const base = { actor, sessionId: session.id, at };
  if (outcome.changes.length === 0) {
    return action && outcome.auditAfter !== undefined
      ? [{ ...base, action, entity: "session", entityId: session.id, after: outcome.auditAfter }]
      : [];
  }
  return outcome.changes.map((change, i) => {
    const { entity, id, value, action: changeAction } = changeEntity(change);
    const primary = i === 0 && action !== undefined;
    return {
      ...base,
      action: primary ? action : changeAction,
      entity,
      entityId: id,
      before: entity === "session" ? session : null,
      after: primary && outcome.auditAfter !== undefined ? outcome.auditAfter : value,
    };
  });
}
