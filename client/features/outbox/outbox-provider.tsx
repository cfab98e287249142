import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useSocket } from "../realtime/socket-context.tsx";
import type { NewOutboxEntry, OutboxEntry, OutboxPayload } from "./outbox-entry.ts";
import { OutboxSender } from "./outbox-sender.ts";
import { OutboxStore, outboxDbName } from "./outbox-store.ts";
import { applySentEntry, transmitEntry } from "./outbox-transport.ts";

export interface OutboxApi {
  /** The logged-in user: only their entries are sent (and offered for correction) here. */
  userId: string;
  /** Every entry on this device (null while the database opens), oldest first. */
  entries: OutboxEntry[] | null;
  /** Ids this page saw the server store (recent ones), for the forms' "recorded" confirmation. */
  sent: ReadonlySet<string>;
  /** Resolves once the entry is durably stored on this device; sending follows in the background. */
  enqueue: (sessionId: string, payload: OutboxPayload) => Promise<OutboxEntry>;
  /** The nurse's explicit decision to drop an entry the server refused. */
  discard: (id: string) => Promise<void>;
}

export const OutboxContext = createContext<OutboxApi | null>(null);

/**
 * Opens the device's outbox and keeps sending it: on page load, after each new entry, when the
 * browser comes back online and when the socket reconnects (the server is reachable again).
 */
export function OutboxProvider({
  userId,
  dbName = outboxDbName,
  children,
}: {
  userId: string;
  dbName?: string;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const socket = useSocket();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState<{ store: OutboxStore; sender: OutboxSender } | null>(null);
  const storeRef = useRef<Promise<OutboxStore> | null>(null);
  // enqueue kicks whatever sender is current: a closure from before the store opened would see none, and
  // an entry saved in that moment would wait for the next kick (another entry, a reconnect)
  const senderRef = useRef<OutboxSender | null>(null);
  const userRef = useRef(userId);
  userRef.current = userId;

  useEffect(() => {
    let closed = false;
    const storePromise = OutboxStore.open(dbName);
    storeRef.current = storePromise;
    let cleanup = () => {};
    storePromise.then(
      (store) => {
        if (closed) return store.close();
        const sender = new OutboxSender({
          store,
          transmit: transmitEntry,
          currentUserId: () => userRef.current,
          onSent: (entry, response) => {
            applySentEntry(queryClient, entry, response);
            if (!closed) setSent((s) => new Set([...s, entry.id].slice(-100)));
          },
        });
        // only the newest read is shown: an older one resolving late must not bring back a sent entry
        let reads = 0;
        const reload = () => {
          const read = ++reads;
          void store.list().then((list) => !closed && read === reads && setEntries(list));
        };
        const unsubscribe = store.subscribe(reload);
        reload();
        senderRef.current = sender;
        setOpened({ store, sender });
        cleanup = () => {
          unsubscribe();
          if (senderRef.current === sender) senderRef.current = null;
          void sender.stop().then(() => store.close());
        };
      },
      () => undefined, // enqueue reports the failure to the form, which then keeps the entry
    );
    return () => {
      closed = true;
      cleanup();
      setOpened(null);
    };
  }, [dbName, queryClient]);

  useEffect(() => {
    // a new login sends that user's waiting entries
    if (!opened || !userId) return;
    const kick = () => void opened.sender.kick();
    kick();
    window.addEventListener("online", kick);
    socket?.on("connect", kick);
    return () => {
      window.removeEventListener("online", kick);
      socket?.off("connect", kick);
    };
  }, [opened, socket, userId]);

  const api = useMemo<OutboxApi>(
    () => ({
      userId,
      entries,
      sent,
      enqueue: async (sessionId, payload) => {
        if (!storeRef.current) throw new Error("The outbox is not open yet.");
        const store = await storeRef.current;
        const entry: NewOutboxEntry = { ...payload, sessionId, userId: userRef.current };
        const stored = await store.add(entry);
        void senderRef.current?.kick();
        return stored;
      },
      discard: async (id) => {
        if (!storeRef.current) return;
        await (await storeRef.current).discard(id);
      },
    }),
    [userId, entries, sent],
  );

  return <OutboxContext value={api}>{children}</OutboxContext>;
}
