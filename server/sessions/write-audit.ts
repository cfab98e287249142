import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";
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
      return {
        entity: "vitals_reading",
        id: change.reading.id,
        value: auditedReading(change.reading),
        action: change.type,
      };
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
 * What a reading's audit row keeps as its value: what was measured, when and how, and any amendment
 * link. Its id, session, recorder and recording time are the row's own columns (entity_id, session_id,
 * actor, at), and empty fields are left out: a monitor streams one of these every second per chair.
 */
export function auditedReading(reading: VitalsReading): Record<string, unknown> {
  const { id: _id, sessionId: _session, recordedBy: _by, recordedAt: _at, ...measured } = reading;
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(measured)) {
    if (field !== null && field !== undefined && !(key === "status" && field === "final")) value[key] = field;
  }
  return value;
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
