import type { Kysely } from "kysely";
import type { ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import type { EngineState } from "../../shared/clinical/engine/state.ts";
import type { Database } from "../db/schema.ts";

/** A node's copy of a session's engine, as of the end of the last batch this node committed for it. */
export interface CachedEngine {
  state: EngineState;
  /** The session's seq when this state was current (every reading up to it is included). */
  foldedSeq: number;
  /** The stored snapshot's version then: any other write of the snapshot makes this copy stale. */
  version: number;
  /** The stored snapshot's next_due_at (epoch ms) and profile key, and the readings stepped since it. */
  storedDueAt: number | null;
  profileKey: string | null;
  sinceSnapshot: number;
  /** What the state was last stepped with, for alarms computed on arrival (provisional-alarms.ts). */
  chair: string;
  profile: ThresholdProfile;
}

/** At most this many sessions are kept (a clinic network's active chairs fit many times over). */
const capacity = 20_000;

/**
 * Engine states kept between batches, so a reading does not read back the state the previous one wrote.
 * Only committed states are stored here, and each is checked against the database's snapshot version and
 * the session's seq before use, so a stale copy (another node wrote since) is never stepped.
 */
export class EngineCache {
  readonly #entries = new Map<string, CachedEngine>();
  /** The session last seen in each chair. */
  readonly #chairs = new Map<string, string>();

  get(sessionId: string): CachedEngine | undefined {
    return this.#entries.get(sessionId);
  }

  /** The copy of the session this node last recorded a reading for in the chair. */
  inChair(chair: string): { sessionId: string; engine: CachedEngine } | undefined {
    const sessionId = this.#chairs.get(chair);
    const engine = sessionId === undefined ? undefined : this.#entries.get(sessionId);
    return engine && sessionId !== undefined ? { sessionId, engine } : undefined;
  }

  /** Records what a committed batch left (the oldest entries make room). */
  commit(updates: ReadonlyMap<string, CachedEngine>): void {
    for (const [id, entry] of updates) {
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      this.#chairs.set(entry.chair, id);
    }
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= capacity) break;
      this.#entries.delete(id);
      if (this.#chairs.get(entry.chair) === id) this.#chairs.delete(entry.chair);
    }
  }
}

const caches = new WeakMap<Kysely<Database>, EngineCache>();

/** One cache per database (what it holds is only valid against that database). */
export function engineCache(db: Kysely<Database>): EngineCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new EngineCache();
    caches.set(db, cache);
  }
  return cache;
}
