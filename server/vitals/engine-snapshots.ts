import type { Transaction } from "kysely";
import type { ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import { type EngineState, parseState } from "../../shared/clinical/engine/state.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { profileByKey } from "../alerts/effective-profiles.ts";
import { readingsAfter, replay } from "../alerts/engine-replay.ts";
import type { Database } from "../db/schema.ts";
import type { CachedEngine } from "./engine-cache.ts";

/** What a batch needs to know of a stored snapshot to decide whether it must write a new one. */
export interface Snapshot {
  version: number;
  profileKey: string | null;
  /** next_due_at as stored (epoch ms): the time the scheduler will next look at the session. */
  dueAt: number | null;
}

export interface LoadedEngine {
  state: EngineState;
  snapshot: Snapshot;
  /** Readings stepped since the snapshot. */
  sinceSnapshot: number;
}

/**
 * The current engine state of each session that has one (the sessions are locked by the caller): the
 * node's cached copy if the snapshot was not rewritten since, else the snapshot, with the readings stepped
 * since (by any node) replayed onto it. Only snapshots without a current copy are read in full.
 */
export async function loadSnapshots(
  trx: Transaction<Database>,
  entries: { session: InfusionSession; cached: CachedEngine | undefined }[],
): Promise<Map<string, LoadedEngine>> {
  const result = new Map<string, LoadedEngine>();
  if (entries.length === 0) return result;
  const metas = await trx
    .selectFrom("alert_engine_states")
    .select(["session_id", "version", "as_of_seq", "profile_key", "next_due_at"])
    .where(
      "session_id",
      "in",
      entries.map((e) => e.session.id),
    )
    .execute();
  const metaOf = new Map(metas.map((m) => [m.session_id, m]));
  const bases = new Map<string, { state: EngineState | undefined; from: number; since: number }>();
  for (const { session, cached } of entries) {
    const meta = metaOf.get(session.id);
    if (!meta) continue;
    const current = cached && cached.version === meta.version && session.seq >= cached.foldedSeq;
    bases.set(
      session.id,
      current
        ? { state: cached.state, from: cached.foldedSeq, since: cached.sinceSnapshot }
        : { state: undefined, from: meta.as_of_seq, since: 0 },
    );
  }
  const stale = [...bases].filter(([, b]) => b.state === undefined).map(([id]) => id);
  if (stale.length > 0) {
    const rows = await trx
      .selectFrom("alert_engine_states")
      .select(["session_id", "state"])
      .where("session_id", "in", stale)
      .execute();
    for (const row of rows) bases.get(row.session_id)!.state = parseState(row.state);
  }
  const seqOf = new Map(entries.map((e) => [e.session.id, e.session.seq]));
  const behind = new Map(
    [...bases].filter(([id, b]) => seqOf.get(id)! > b.from).map(([id, b]) => [id, b.from]),
  );
  const replays = await readingsAfter(trx, behind);
  const profiles = new Map<string, ThresholdProfile>();
  for (const [id, base] of bases) {
    const meta = metaOf.get(id)!;
    let state = base.state!;
    const inputs = replays.get(id) ?? [];
    if (inputs.length > 0) {
      // Readings after a snapshot were stepped under its profile key (a batch under another writes one).
      if (meta.profile_key === null) throw new Error(`engine snapshot of ${id} has readings but no profile`);
      const profile = profiles.get(meta.profile_key) ?? (await profileByKey(trx, meta.profile_key));
      profiles.set(meta.profile_key, profile);
      state = replay(state, inputs, profile);
    }
    result.set(id, {
      state,
      snapshot: {
        version: meta.version,
        profileKey: meta.profile_key,
        dueAt: meta.next_due_at === null ? null : new Date(meta.next_due_at).getTime(),
      },
      sinceSnapshot: base.since + inputs.length,
    });
  }
  return result;
}
