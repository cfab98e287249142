import { isApiError } from "../../lib/api-client.ts";
import type { Rejection } from "./outbox-entry.ts";

export type SendOutcome =
  | { kind: "sent"; response: unknown }
  | { kind: "retry"; message: string }
  | { kind: "rejected"; rejection: Rejection };

/**
 * Answers that may change by themselves, so the entry is sent again later: no connection (status 0),
 * any 5xx (503 while the server restarts), 408/429, and 401 (the login expired; it is sent after the
 * same nurse logs in again). Every other 4xx is the server's definitive "no".
 */
const transient4xx = new Set([401, 408, 425, 429]);

export function outcomeOfError(error: unknown): SendOutcome {
  if (!isApiError(error)) {
    return { kind: "retry", message: error instanceof Error ? error.message : String(error) };
  }
  // stored, but the answer could not be read: a retry would only get the same answer (200)
  if (error.status >= 200 && error.status < 300) return { kind: "sent", response: null };
  if (error.status === 0 || error.status >= 500 || transient4xx.has(error.status)) {
    return { kind: "retry", message: error.message };
  }
  return {
    kind: "rejected",
    rejection: { status: error.status, code: error.code, message: error.message, issues: error.issues },
  };
}
