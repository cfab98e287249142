import { type Kysely, sql, type Transaction } from "kysely";
import {
  type EngineState,
  initialState,
  parseState,
  serializeState,
} from "../../shared/clinical/engine/state.ts";
import { nextDueAt } from "../../shared/clinical/engine/timers.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { Database } from "../db/schema.ts";
import { type KeyedProfile, profileByKey } from "./effective-profiles.ts";
import { readingsAfter, replay } from "./engine-replay.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The engine's current state of a session: its snapshot with the readings stepped since replayed onto it
 * (under the profile they were stepped with). A session the engine has not seen starts in its current phase.
 */
export async function loadEngineState(db: Db, session: InfusionSession): Promise<EngineState> {
  return (
    (await storedEngineState(db, session.id)) ??
    initialState(session.phase, Date.parse(session.phaseChangedAt))
  );
}

/** The session's current engine state, or null when the engine has not seen the session yet. */
export async function storedEngineState(db: Db, sessionId: string): Promise<EngineState | null> {
  const row = await db
    .selectFrom("alert_engine_states")
    .select(["state", "as_of_seq", "profile_key"])
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const state = parseState(row.state);
  const inputs = (await readingsAfter(db, new Map([[sessionId, row.as_of_seq]]))).get(sessionId);
  if (!inputs) return state;
  // Readings after a snapshot always carry the snapshot's profile key (a batch under another profile writes one).
  return replay(state, inputs, await profileByKey(db, row.profile_key!));
}

/**
 * Stores a snapshot that includes every reading of the session so far (the session row is locked by the
 * caller, so its seq is final), with the time its next timer falls due, which is what the scheduler reads.
 */
export async function saveEngineState(
  trx: Transaction<Database>,
  sessionId: string,
  state: EngineState,
  keyed: KeyedProfile,
  now: Date,
): Promise<void> {
  const due = nextDueAt(state, keyed.profile);
  const asOfSeq = sql<number>`(select seq from infusion_sessions where id = ${sessionId})`;
  const values = {
    state: serializeState(state),
    next_due_at: due === null ? null : new Date(due),
    updated_at: now,
    profile_key: keyed.key,
  };
  await trx
    .insertInto("alert_engine_states")
    .values({ session_id: sessionId, ...values, as_of_seq: asOfSeq })
    .onConflict((oc) =>
      oc.column("session_id").doUpdateSet((eb) => ({
        ...values,
        as_of_seq: asOfSeq,
        version: eb("alert_engine_states.version", "+", 1),
      })),
    )
    .execute();
}
