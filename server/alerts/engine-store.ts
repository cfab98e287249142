import type { Transaction } from "kysely";
import type { ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import {
  type EngineState,
  initialState,
  parseState,
  serializeState,
} from "../../shared/clinical/engine/state.ts";
import { nextDueAt } from "../../shared/clinical/engine/timers.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { Database } from "../db/schema.ts";

/** The engine's state of a session; a session the engine has not seen yet starts in its current phase. */
export async function loadEngineState(
  trx: Transaction<Database>,
  session: InfusionSession,
): Promise<EngineState> {
  const row = await trx
    .selectFrom("alert_engine_states")
    .select("state")
    .where("session_id", "=", session.id)
    .executeTakeFirst();
  return row ? parseState(row.state) : initialState(session.phase, Date.parse(session.phaseChangedAt));
}

/** Stores the state with the time its next timer falls due, which is what the scheduler looks for. */
export async function saveEngineState(
  trx: Transaction<Database>,
  sessionId: string,
  state: EngineState,
  profile: ThresholdProfile,
  now: Date,
): Promise<void> {
  const due = nextDueAt(state, profile);
  const values = {
    state: serializeState(state),
    next_due_at: due === null ? null : new Date(due),
    updated_at: now,
  };
  await trx
    .insertInto("alert_engine_states")
    .values({ session_id: sessionId, ...values })
    .onConflict((oc) => oc.column("session_id").doUpdateSet(values))
    .execute();
}
