import type { RecordObservationRequest } from "../../../shared/schemas/observation.ts";
import type { RecordVitalsRequest } from "../../../shared/schemas/vitals.ts";
import type { ApiIssue } from "../../lib/api-client.ts";

/** What the nurse submitted, exactly as it goes to the server (its id is the server's dedupe key). */
export type OutboxPayload =
  | { kind: "vitals"; body: RecordVitalsRequest }
  | { kind: "observation"; body: RecordObservationRequest };

/** The server's definitive answer to an entry it refused (a 4xx other than auth/throttling). */
export interface Rejection {
  status: number;
  code: string;
  message: string;
  issues: ApiIssue[];
}

export type OutboxEntry = OutboxPayload & {
  /** The reading's / observation's own client-generated id. */
  id: string;
  sessionId: string;
  /** Only this user's login sends the entry: the server records the sender as its author. */
  userId: string;
  /** Position in the outbox: entries of a session are sent in this order. */
  seq: number;
  queuedAt: string;
  status: "pending" | "rejected";
  attempts: number;
  /** Why the last attempt did not get through (network, 5xx), for the nurse. */
  lastError: string | null;
  rejection: Rejection | null;
};

export type NewOutboxEntry = OutboxPayload & { sessionId: string; userId: string };
