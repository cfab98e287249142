import { sql, type Transaction } from "kysely";
import { defaultProfile, parseProfile, type ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import {
  type EngineState,
  initialState,
  parseState,
  serializeState,
} from "../../shared/clinical/engine/state.ts";
import { step } from "../../shared/clinical/engine/step.ts";
import { nextDueAt } from "../../shared/clinical/engine/timers.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import {
  type AlertChange,
  applyEngineEvents,
  loadOpenAlertRows,
  type OpenAlertRows,
} from "../alerts/apply-events.ts";
import type { Database } from "../db/schema.ts";

/**
 * The alert engines of a batch's sessions: profiles and states loaded with one query each, stepped in
 * memory input by input (as runEngine would, one after the other), and saved once per session.
 */
export class EngineBatch {
  private constructor(
    private readonly trx: Transaction<Database>,
    private readonly profiles: Map<string, ThresholdProfile>,
    private readonly states: Map<string, EngineState>,
    /** Sessions whose state row exists. */
    private readonly stored: ReadonlySet<string>,
  ) {}

  /** Each session's open alert rows, read once per batch and kept current by applyEngineEvents. */
  private readonly openAlerts = new Map<string, OpenAlertRows>();

  static async load(trx: Transaction<Database>, sessions: InfusionSession[]): Promise<EngineBatch> {
    const ids = sessions.map((s) => s.id);
    if (ids.length === 0) return new EngineBatch(trx, new Map(), new Map(), new Set());
    const [profiles, stateRows] = await Promise.all([
      effectiveProfiles(trx, ids),
      trx
        .selectFrom("alert_engine_states")
        .select(["session_id", "state"])
        .where("session_id", "in", ids)
        .execute(),
    ]);
    const stored = new Map(stateRows.map((r) => [r.session_id, r.state]));
    const states = new Map(
      sessions.map((s) => {
        const row = stored.get(s.id);
        return [s.id, row ? parseState(row) : initialState(s.phase, Date.parse(s.phaseChangedAt))] as const;
      }),
    );
    return new EngineBatch(trx, profiles, states, new Set(stored.keys()));
  }

  /** Feeds one input; alert rows change (inside the transaction) only when the engine says so. */
  async step(sessionId: string, input: EngineInput, now: Date): Promise<AlertChange[]> {
    const result = step(this.states.get(sessionId)!, input, this.profiles.get(sessionId)!);
    this.states.set(sessionId, result.state);
    // With no event and no open engine alert, applyEngineEvents has nothing to record: skip its queries.
    if (result.events.length === 0 && result.state.alerts.length === 0) return [];
    let open = this.openAlerts.get(sessionId);
    if (!open) {
      open = await loadOpenAlertRows(this.trx, sessionId);
      this.openAlerts.set(sessionId, open);
    }
    return applyEngineEvents(this.trx, sessionId, result.events, result.state, now, open);
  }

  /**
   * Stores every stepped session's state with the time its next timer falls due (what the scheduler reads):
   * one UPDATE … FROM (VALUES …) for the states loaded, an upsert only for sessions new to the engine.
   */
  async save(now: Date): Promise<void> {
    const rows = [...this.states].map(([sessionId, state]) => {
      const due = nextDueAt(state, this.profiles.get(sessionId)!);
      return {
        session_id: sessionId,
        state: serializeState(state),
        next_due_at: due === null ? null : new Date(due),
        updated_at: now,
      };
    });
    const existing = rows.filter((r) => this.stored.has(r.session_id));
    if (existing.length > 0) {
      // Many states travel as one jsonb parameter, each embedded as the text serializeState wrote.
      const values =
        existing.length < recordsetMinRows
          ? sql`(values ${sql.join(
              existing.map(
                (r) =>
                  sql`(${r.session_id}::uuid, ${r.state}::jsonb, ${r.next_due_at}::timestamptz, ${r.updated_at}::timestamptz)`,
              ),
            )})`
          : sql`(select * from jsonb_to_recordset(${`[${existing.map(stateJson).join(",")}]`}::jsonb)
              as r(session_id uuid, state jsonb, next_due_at timestamptz, updated_at timestamptz))`;
      const { rows: updated } = await sql`
        update alert_engine_states as s
        set state = v.state, next_due_at = v.next_due_at, updated_at = v.updated_at
        from ${values} as v(session_id, state, next_due_at, updated_at)
        where s.session_id = v.session_id
        returning s.session_id`.execute(this.trx);
      // Read under the sessions' locks, so they are all still there; if not, fail the batch (retried job by job).
      if (updated.length !== existing.length) throw new Error("alert engine state vanished during a batch");
    }
    const fresh = rows.filter((r) => !this.stored.has(r.session_id));
    if (fresh.length === 0) return;
    await this.trx
      .insertInto("alert_engine_states")
      .values(fresh)
      .onConflict((oc) =>
        oc.column("session_id").doUpdateSet((eb) => ({
          state: eb.ref("excluded.state"),
          next_due_at: eb.ref("excluded.next_due_at"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** From this many rows on, one jsonb parameter beats a parameter per value; below, the plain VALUES list wins. */
const recordsetMinRows = 16;

function stateJson(r: {
  session_id: string;
  state: string;
  next_due_at: Date | null;
  updated_at: Date;
}): string {
  const { session_id, next_due_at, updated_at } = r;
  return `${JSON.stringify({ session_id, next_due_at, updated_at }).slice(0, -1)},"state":${r.state}}`;
}

/** effectiveProfile for several sessions: each session's latest override, else the clinic's latest profile. */
async function effectiveProfiles(
  trx: Transaction<Database>,
  sessionIds: string[],
): Promise<Map<string, ThresholdProfile>> {
  const overrides = await trx
    .selectFrom("threshold_profile_versions")
    .select(["session_id", "profile"])
    .distinctOn("session_id")
    .where("scope", "=", "session")
    .where("session_id", "in", sessionIds)
    .orderBy("session_id")
    .orderBy("changed_at", "desc")
    .execute();
  const result = new Map(overrides.map((r) => [r.session_id!, parseProfile(r.profile)]));
  if (result.size < sessionIds.length) {
    const clinic = await trx
      .selectFrom("threshold_profile_versions")
      .select("profile")
      .where("scope", "=", "clinic")
      .orderBy("changed_at", "desc")
      .limit(1)
      .executeTakeFirst();
    const profile = clinic ? parseProfile(clinic.profile) : defaultProfile;
    for (const id of sessionIds) if (!result.has(id)) result.set(id, profile);
  }
  return result;
}
