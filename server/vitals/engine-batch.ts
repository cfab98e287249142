import { sql, type Transaction } from "kysely";
import { type EngineState, initialState, serializeState } from "../../shared/clinical/engine/state.ts";
import { step } from "../../shared/clinical/engine/step.ts";
import { nextDueAt } from "../../shared/clinical/engine/timers.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { type AlertChange, applyEngineEvents, type OpenAlertRows } from "../alerts/apply-events.ts";
import type { KeyedProfile } from "../alerts/effective-profiles.ts";
import { recordsetMinRows } from "../db/recordset.ts";
import type { Database } from "../db/schema.ts";
import type { BatchReads } from "./batch-reads.ts";
import type { CachedEngine, EngineCache } from "./engine-cache.ts";
import { loadEngines, type Snapshot } from "./engine-snapshots.ts";
import { type PreStepped, reusableStep } from "./pre-stepped.ts";

/** Readings a snapshot may fall behind by before one is written anyway (bounds a cold node's replay). */
const maxSinceSnapshot = 60;

interface Stepped {
  chair: string;
  state: EngineState;
  keyed: KeyedProfile;
  snapshot: Snapshot | undefined;
  /** Readings stepped since the stored snapshot, this batch's included. */
  sinceSnapshot: number;
  raised: boolean;
}

/**
 * The alert engines of a batch's sessions, stepped in memory input by input (as runEngine would, one after
 * the other). The stored state is a snapshot plus the readings stepped since (replayed when a node has no
 * current copy): a batch writes a snapshot only when it must, i.e. when the engine raised or changed an
 * alert, a timer now falls due earlier than the stored one says, the profile changed, or the snapshot has
 * fallen too far behind. Otherwise the readings themselves (with their seq) are the record of the state.
 */
export class EngineBatch {
  private constructor(
    private readonly trx: Transaction<Database>,
    private readonly sessions: Map<string, Stepped>,
  ) {}

  /** Each session's open alert rows, read with the batch (batch-reads.ts) and kept current by applyEngineEvents. */
  private readonly openAlerts = new Map<string, OpenAlertRows>();

  static async load(
    trx: Transaction<Database>,
    sessions: InfusionSession[],
    cache: EngineCache,
    reads: Pick<BatchReads, "metas" | "openAlerts">,
  ): Promise<EngineBatch> {
    const { profiles, engines: snapshots } = await loadEngines(
      trx,
      sessions.map((s) => ({ session: s, cached: cache.get(s.id) })),
      reads.metas,
    );
    const stepped = new Map<string, Stepped>();
    for (const session of sessions) {
      const loaded = snapshots.get(session.id);
      stepped.set(session.id, {
        chair: session.chair,
        state: loaded?.state ?? initialState(session.phase, Date.parse(session.phaseChangedAt)),
        keyed: profiles.get(session.id)!,
        snapshot: loaded?.snapshot,
        sinceSnapshot: loaded?.sinceSnapshot ?? 0,
        raised: false,
      });
    }
    const batch = new EngineBatch(trx, stepped);
    for (const id of stepped.keys()) {
      const open = reads.openAlerts.get(id);
      if (!open) throw new Error(`no open alerts read for session ${id}`);
      batch.openAlerts.set(id, new Map(open.map((r) => [r.parameter, r])));
    }
    return batch;
  }

  /** Feeds one input; alert rows change (inside the transaction) only when the engine says so. */
  async step(
    sessionId: string,
    input: EngineInput,
    now: Date,
    preStepped?: PreStepped,
  ): Promise<AlertChange[]> {
    const session = this.sessions.get(sessionId)!;
    const { state, keyed } = session;
    const result =
      reusableStep(preStepped, { sessionId, state, profileKey: keyed.key, input }) ??
      step(state, input, keyed.profile);
    session.state = result.state;
    session.sinceSnapshot++;
    if (result.events.length > 0) session.raised = true;
    // With no event and no open engine alert, applyEngineEvents has nothing to record: skip its queries.
    if (result.events.length === 0 && result.state.alerts.length === 0) return [];
    const open = this.openAlerts.get(sessionId)!;
    return applyEngineEvents(this.trx, sessionId, result.events, result.state, now, open);
  }

  /**
   * Writes the snapshots that must be written (see the class), every one including the batch's readings
   * (`seqs`: each session's seq after the batch), and returns what this node may cache once it commits.
   */
  async save(now: Date, seqs: ReadonlyMap<string, number>): Promise<Map<string, CachedEngine>> {
    const updates = new Map<string, CachedEngine>();
    const rows: SnapshotRow[] = [];
    for (const [sessionId, s] of this.sessions) {
      const due = nextDueAt(s.state, s.keyed.profile);
      const foldedSeq = seqs.get(sessionId)!;
      const stored = s.snapshot;
      const write =
        !stored ||
        s.raised ||
        stored.profileKey !== s.keyed.key ||
        s.sinceSnapshot >= maxSinceSnapshot ||
        (due !== null && (stored.dueAt === null || due < stored.dueAt));
      if (write) {
        rows.push({
          session_id: sessionId,
          state: serializeState(s.state),
          next_due_at: due === null ? null : new Date(due),
          updated_at: now,
          as_of_seq: foldedSeq,
          profile_key: s.keyed.key,
        });
      }
      updates.set(sessionId, {
        state: s.state,
        foldedSeq,
        version: write ? (stored ? stored.version + 1 : 0) : stored!.version,
        storedDueAt: write ? due : stored!.dueAt,
        profileKey: s.keyed.key,
        sinceSnapshot: write ? 0 : s.sinceSnapshot,
        chair: s.chair,
        profile: s.keyed.profile,
      });
    }
    await writeSnapshots(
      this.trx,
      rows.filter((r) => this.sessions.get(r.session_id)!.snapshot),
      rows.filter((r) => !this.sessions.get(r.session_id)!.snapshot),
    );
    return updates;
  }
}

interface SnapshotRow {
  session_id: string;
  state: string;
  next_due_at: Date | null;
  updated_at: Date;
  as_of_seq: number;
  profile_key: string;
}

/** One UPDATE … FROM for the snapshots that exist (each bumps its version), one insert for new ones. */
async function writeSnapshots(
  trx: Transaction<Database>,
  existing: SnapshotRow[],
  fresh: SnapshotRow[],
): Promise<void> {
  if (existing.length > 0) {
    // Many states travel as one jsonb parameter, each embedded as the text serializeState wrote.
    const values =
      existing.length < recordsetMinRows
        ? sql`(values ${sql.join(
            existing.map(
              (r) =>
                sql`(${r.session_id}::uuid, ${r.state}::jsonb, ${r.next_due_at}::timestamptz, ${r.updated_at}::timestamptz, ${r.as_of_seq}::int, ${r.profile_key}::text)`,
            ),
          )})`
        : sql`(select * from jsonb_to_recordset(${`[${existing.map(snapshotJson).join(",")}]`}::jsonb)
            as r(session_id uuid, state jsonb, next_due_at timestamptz, updated_at timestamptz, as_of_seq int,
              profile_key text))`;
    const { rows: updated } = await sql`
      update alert_engine_states as s
      set state = v.state, next_due_at = v.next_due_at, updated_at = v.updated_at, as_of_seq = v.as_of_seq,
        profile_key = v.profile_key, version = s.version + 1
      from ${values} as v(session_id, state, next_due_at, updated_at, as_of_seq, profile_key)
      where s.session_id = v.session_id
      returning s.session_id`.execute(trx);
    // Read under the sessions' locks, so they are all still there; if not, fail the batch (retried job by job).
    if (updated.length !== existing.length) throw new Error("alert engine state vanished during a batch");
  }
  if (fresh.length > 0) await trx.insertInto("alert_engine_states").values(fresh).execute();
}

function snapshotJson(r: SnapshotRow): string {
  const { state, ...rest } = r;
  return `${JSON.stringify(rest).slice(0, -1)},"state":${state}}`;
}
