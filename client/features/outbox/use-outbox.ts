import { useContext } from "react";
import type { OutboxEntry } from "./outbox-entry.ts";
import { type OutboxApi, OutboxContext } from "./outbox-provider.tsx";

/** For entry forms: they must not exist without a durable outbox. */
export function useOutbox(): OutboxApi {
  const api = useContext(OutboxContext);
  if (!api) throw new Error("useOutbox outside <OutboxProvider>");
  return api;
}

export interface OutboxCounts {
  /** Saved on this device, not yet stored by the server. */
  waiting: number;
  /** Refused by the server: the nurse must correct or discard them. */
  rejected: number;
  /** Another user's entries on this device: sent when that user logs in again. */
  otherUsers: number;
}

const none: OutboxEntry[] = [];

/** This device's entries (of one session, if given); empty where no outbox is mounted. */
export function useOutboxEntries(sessionId?: string): OutboxEntry[] {
  const entries = useContext(OutboxContext)?.entries ?? none;
  return sessionId === undefined ? entries : entries.filter((e) => e.sessionId === sessionId);
}

export function countEntries(entries: readonly OutboxEntry[], userId: string | null): OutboxCounts {
  const mine = entries.filter((e) => e.userId === userId);
  const rejected = mine.filter((e) => e.status === "rejected").length;
  return { waiting: mine.length - rejected, rejected, otherUsers: entries.length - mine.length };
}

export function useOutboxCounts(sessionId?: string): OutboxCounts {
  const userId = useContext(OutboxContext)?.userId ?? null;
  return countEntries(useOutboxEntries(sessionId), userId);
}

export function entriesText(n: number): string {
  return n === 1 ? "1 entry" : `${n} entries`;
}
