import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";

/**
 * The last session details this device fetched, so a session page opened with no network still shows
 * its forms (entries go to the outbox) and what was known then, marked with its time. A copy, never a
 * record: the newest few are kept and all are cleared at logout.
 */
export const snapshotDbName = "vigil-session-snapshots";
const storeName = "snapshots";
const kept = 20;

export interface SessionSnapshot {
  sessionId: string;
  savedAt: string;
  detail: SessionDetail;
}

interface SnapshotDb extends DBSchema {
  snapshots: { key: string; value: SessionSnapshot; indexes: { "by-saved-at": string } };
}

let opening: Promise<IDBPDatabase<SnapshotDb>> | null = null;

function database(): Promise<IDBPDatabase<SnapshotDb>> {
  opening ??= openDB<SnapshotDb>(snapshotDbName, 1, {
    upgrade(db) {
      db.createObjectStore(storeName, { keyPath: "sessionId" }).createIndex("by-saved-at", "savedAt");
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export async function saveSessionSnapshot(detail: SessionDetail, savedAt = new Date()): Promise<void> {
  const db = await database();
  const tx = db.transaction(storeName, "readwrite");
  await tx.store.put({ sessionId: detail.session.id, savedAt: savedAt.toISOString(), detail });
  const excess = (await tx.store.count()) - kept;
  if (excess > 0) {
    let cursor = await tx.store.index("by-saved-at").openCursor();
    for (let i = 0; cursor && i < excess; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

export async function loadSessionSnapshot(sessionId: string): Promise<SessionSnapshot | undefined> {
  return (await database()).get(storeName, sessionId);
}

export async function clearSessionSnapshots(): Promise<void> {
  await (await database()).clear(storeName);
}
