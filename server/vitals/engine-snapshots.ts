import type { Transaction } from "kysely";
import { type EngineState, parseState } from "../../shared/clinical/engine/state.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { type KeyedProfile, keyedProfiles, profilesByKeys } from "../alerts/effective-profiles.ts";
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

export interface SessionMeta {
  session_id: string;
  /** The stored snapshot's (null: the session has none yet). */
  version: number | null;
  as_of_seq: number | null;
  /** The key of the profile the readings after the snapshot were stepped under. */
  snapshot_profile_key: string | null;
  next_due_at: Date | string | null;
  /** The key of the session's effective profile now (null: the built-in one). */
  profile_key: string | null;
}

/**
 * What a batch needs to step its (locked) sessions' engines: each one's effective profile (profiles come
 * by key from profilesByKeys) and its current engine state (see loadSnapshots), from the sessions' metas
 * as the batch read them (batch-reads.ts).
 */
export async function loadEngines(
  trx: Transaction<Database>,
  entries: { session: InfusionSession; cached: CachedEngine | undefined }[],
  metaOf: ReadonlyMap<string, SessionMeta>,
): Promise<{ profiles: Map<string, KeyedProfile>; engines: Map<string, LoadedEngine> }> {
  if (entries.length === 0) return { profiles: new Map(), engines: new Map() };
  const rows = entries.map((e) => {
    const meta = metaOf.get(e.session.id);
    if (!meta) throw new Error(`no engine meta read for session ${e.session.id}`);
    return meta;
  });
  const profiles = await keyedProfiles(trx, rows);
  const metas = rows.filter((r): r is SnapshotMeta => r.version !== null && r.as_of_seq !== null);
  return { profiles, engines: await loadSnapshots(trx, entries, metas) };
}

type SnapshotMeta = SessionMeta & { version: number; as_of_seq: number };

/**
 * The current engine state of each session that has one (the sessions are locked by the caller): the
 * node's cached copy if the snapshot was not rewritten since, else the snapshot, with the readings stepped
 * since (by any node) replayed onto it. Only snapshots without a current copy are read in full.
 */
async function loadSnapshots(
  trx: Transaction<Database>,
  entries: { session: InfusionSession; cached: CachedEngine | undefined }[],
  metas: SnapshotMeta[],
): Promise<Map<string, LoadedEngine>> {
  const result = new Map<string, LoadedEngine>();
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
  const replayKeys = [...replays.keys()].flatMap((id) => metaOf.get(id)?.snapshot_profile_key ?? []);
  const profiles = await profilesByKeys(trx, replayKeys);
  for (const [id, base] of bases) {
    const meta = metaOf.get(id)!;
    let state = base.state!;
    const inputs = replays.get(id) ?? [];
    if (inputs.length > 0) {
      // Readings after a snapshot were stepped under its profile key (a batch under another writes one).
      const key = meta.snapshot_profile_key;
      if (key === null) throw new Error(`engine snapshot of ${id} has readings but no profile`);
      state = replay(state, inputs, profiles.get(key)!);
    }
    result.set(id, {
      state,
      snapshot: {
        version: meta.version,
        profileKey: meta.snapshot_profile_key,
        dueAt: meta.next_due_at === null ? null : new Date(meta.next_due_at).getTime(),
      },
      sinceSnapshot: base.since + inputs.length,
    });
  }
  return result;
}
