import type { Transaction } from "kysely";
import { advanceTo, step } from "../../shared/clinical/engine/step.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { Database } from "../db/schema.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { type AlertChange, applyEngineEvents } from "./apply-events.ts";
import { effectiveKeyedProfile } from "./effective-profiles.ts";
import { loadEngineState, saveEngineState } from "./engine-store.ts";

/**
 * Feeds one input (a reading, an observation, a phase change, an acknowledgement) or the passage
 * of time to the session's alert engine, inside the caller's transaction, and records the result.
 */
export async function runEngine(
  trx: Transaction<Database>,
  session: InfusionSession,
  input: EngineInput | { kind: "advance"; t: number },
  now: Date,
): Promise<AlertChange[]> {
  const keyed = await effectiveKeyedProfile(trx, session.id);
  const { profile } = keyed;
  const state = await loadEngineState(trx, session);
  const result = input.kind === "advance" ? advanceTo(state, input.t, profile) : step(state, input, profile);
  const changes = await applyEngineEvents(trx, session.id, result.events, result.state, now);
  await saveEngineState(trx, session.id, result.state, keyed, now);
  return changes;
}

export function alertChanges(changes: AlertChange[]): SessionChange[] {
  return changes.map(({ alert, change }) => ({ type: "alert:changed" as const, alert, change }));
}
