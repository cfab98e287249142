import { io } from "socket.io-client";
import type { Alert } from "../../shared/schemas/alert.ts";
import type { SessionDetail } from "../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";
import type { TestSocket } from "../support/api.ts";

export interface LiveEvent {
  /** 1 for the first connection, 2 after the first reconnection, ... */
  connection: number;
  seq: number;
  type: "session:updated" | "vitals:recorded" | "observation:recorded" | "alert:changed";
  readingId?: string;
  alertChange?: string;
}

/**
 * What the physician's browser keeps of one session, the way the client does it: a snapshot fetched
 * over REST, then live events applied in seq order; a gap, or a reconnection that did not recover the
 * missed events, refetches the snapshot. Everything it receives is recorded for the test to check.
 */
export interface PhysicianView {
  socket: TestSocket;
  seq(): number;
  readings: Map<string, VitalsReading>;
  alerts: Map<string, Alert>;
  live: LiveEvent[];
  connections: { recovered: boolean }[];
  refetches(): number;
  /** Resolves once the condition holds (checked after every change), or rejects after timeoutMs. */
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function watchSession(
  baseUrl: string,
  cookie: string,
  sessionId: string,
): Promise<PhysicianView> {
  const socket: TestSocket = io(baseUrl, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  let seq = -1;
  let refetches = 0;
  let syncing: Promise<void> | null = null;
  /** Seqs of the events applied while a snapshot was being fetched: they count once it is in. */
  const appliedWhileSyncing = new Set<number>();
  let gapAfterSnapshot = false;
  const readings = new Map<string, VitalsReading>();
  const alerts = new Map<string, Alert>();
  const live: LiveEvent[] = [];
  const connections: { recovered: boolean }[] = [];
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const check of [...waiters]) check();
  };

  async function refetch(): Promise<void> {
    refetches++;
    const res = await fetch(`${baseUrl}/api/sessions/${sessionId}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`refetch: ${res.status}`);
    const detail = (await res.json()) as SessionDetail;
    for (const r of detail.vitals) readings.set(r.id, r);
    for (const a of detail.alerts) alerts.set(a.id, a);
    seq = Math.max(seq, detail.session.seq);
    // An event that arrived during the fetch and is newer than the snapshot was applied: count it, and
    // any that follow it without a gap. A gap left after them means something is missing: fetch again.
    while (appliedWhileSyncing.delete(seq + 1)) seq++;
    gapAfterSnapshot = [...appliedWhileSyncing].some((s) => s > seq);
    appliedWhileSyncing.clear();
  }
  function resync(): void {
    syncing ??= refetch()
      .catch(() => {}) // the next event or reconnection tries again
      .finally(() => {
        syncing = null;
        if (gapAfterSnapshot) {
          gapAfterSnapshot = false;
          resync();
        }
        changed();
      });
  }

  function apply(event: LiveEvent, update: () => void): void {
    live.push(event);
    if (syncing) {
      // The snapshot being fetched may or may not contain it: apply it too (idempotent by id).
      update();
      appliedWhileSyncing.add(event.seq);
      return;
    }
    if (event.seq <= seq) return;
    update();
    if (event.seq === seq + 1) seq = event.seq;
    else resync();
    changed();
  }
  // Counted from disconnections: on a recovered connection the missed events arrive before "connect".
  let disconnects = 0;
  socket.on("disconnect", () => {
    disconnects++;
  });
  const connection = () => disconnects + 1;
  socket.on("vitals:recorded", (e) => {
    if (e.sessionId !== sessionId) return;
    apply({ connection: connection(), seq: e.seq, type: "vitals:recorded", readingId: e.reading.id }, () =>
      readings.set(e.reading.id, e.reading),
    );
  });
  socket.on("alert:changed", (e) => {
    if (e.sessionId !== sessionId) return;
    apply({ connection: connection(), seq: e.seq, type: "alert:changed", alertChange: e.change }, () =>
      alerts.set(e.alert.id, e.alert),
    );
  });
  socket.on("session:updated", (e) => {
    if (e.sessionId === sessionId)
      apply({ connection: connection(), seq: e.seq, type: "session:updated" }, () => {});
  });
  socket.on("observation:recorded", (e) => {
    if (e.sessionId === sessionId)
      apply({ connection: connection(), seq: e.seq, type: "observation:recorded" }, () => {});
  });
  socket.on("connect", () => {
    connections.push({ recovered: socket.recovered });
    if (socket.recovered) return changed();
    // A fresh connection has no rooms and may have missed anything: join, then take a snapshot.
    void Promise.all([
      socket.emitWithAck("station:join"),
      socket.emitWithAck("session:join", sessionId),
    ]).then(() => {
      resync();
      changed();
    });
  });

  const view: PhysicianView = {
    socket,
    seq: () => seq,
    readings,
    alerts,
    live,
    connections,
    refetches: () => refetches,
    waitFor(what, condition, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (syncing || !condition()) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`physician view: ${what} did not happen within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
  await view.waitFor("first connection and snapshot", () => connections.length === 1 && seq >= 0);
  return view;
}
