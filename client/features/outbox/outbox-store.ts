import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { NewOutboxEntry, OutboxEntry, Rejection } from "./outbox-entry.ts";

export const outboxDbName = "vigil-outbox";
const storeName = "entries";

interface OutboxDb extends DBSchema {
  entries: { key: string; value: OutboxEntry; indexes: { "by-seq": number } };
}

type Listener = () => void;

/**
 * The durable outbox: every entry the nurse submits is written here (IndexedDB, survives a closed
 * tab or a crash) before any request is made, and leaves only once the server has stored it.
 */
export class OutboxStore {
  private readonly listeners = new Set<Listener>();
  private closed = false;
  // other tabs (and other store instances) on the same database hear about changes too
  private readonly channel: BroadcastChannel | null;

  private constructor(
    private readonly db: IDBPDatabase<OutboxDb>,
    readonly name: string,
  ) {
    this.channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(`${name}:changes`);
    if (this.channel) this.channel.onmessage = () => this.notify(false);
  }

  static async open(name = outboxDbName): Promise<OutboxStore> {
    const db = await openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore(storeName, { keyPath: "id" });
        store.createIndex("by-seq", "seq");
      },
    });
    return new OutboxStore(db, name);
  }

  /**
   * Queues an entry; idempotent on its id. A pending entry with the same id is kept as it is (a double
   * submit); a rejected one is replaced by the corrected entry and queued again at the end.
   */
  async add(entry: NewOutboxEntry & { id?: string }): Promise<OutboxEntry> {
    const id = entry.id ?? entry.body.id;
    const tx = this.db.transaction(storeName, "readwrite");
    const existing = await tx.store.get(id);
    if (existing && existing.status === "pending") {
      await tx.done;
      return existing;
    }
    const last = await tx.store.index("by-seq").openCursor(null, "prev");
    const stored = {
      ...entry,
      id,
      seq: (last?.value.seq ?? 0) + 1,
      queuedAt: new Date().toISOString(),
      status: "pending",
      attempts: 0,
      lastError: null,
      rejection: null,
    } as OutboxEntry;
    await tx.store.put(stored);
    await tx.done;
    this.notify();
    return stored;
  }

  /** Every entry, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex(storeName, "by-seq");
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    return this.db.get(storeName, id);
  }

  /** The server has stored the entry (201, or 200 for a retry it already had): it leaves the outbox. */
  async markSent(id: string): Promise<void> {
    await this.db.delete(storeName, id);
    this.notify();
  }

  async recordFailure(id: string, message: string): Promise<void> {
    await this.update(id, (e) => ({ ...e, attempts: e.attempts + 1, lastError: message }));
  }

  /** Kept, and shown to the nurse until she corrects or discards it. */
  async markRejected(id: string, rejection: Rejection): Promise<void> {
    await this.update(id, (e) => ({
      ...e,
      attempts: e.attempts + 1,
      status: "rejected",
      lastError: rejection.message,
      rejection,
    }));
  }

  /** Only the nurse's explicit decision removes an entry the server never stored. */
  async discard(id: string): Promise<void> {
    const entry = await this.get(id);
    if (!entry) return;
    if (entry.status !== "rejected") throw new Error("only a rejected entry can be discarded");
    await this.db.delete(storeName, id);
    this.notify();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
    this.db.close();
  }

  private async update(id: string, change: (e: OutboxEntry) => OutboxEntry): Promise<void> {
    const tx = this.db.transaction(storeName, "readwrite");
    const entry = await tx.store.get(id);
    if (entry) await tx.store.put(change(entry));
    await tx.done;
    if (entry) this.notify();
  }

  private notify(broadcast = true): void {
    if (this.closed) return;
    for (const l of this.listeners) l();
    if (broadcast) this.channel?.postMessage("changed");
  }
}
