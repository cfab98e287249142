import type { QueryClient } from "@tanstack/react-query";
import type {
  RecordObservationResponse,
  RecordVitalsResponse,
} from "../../../shared/schemas/session-views.ts";
import { alertContextKey } from "../alerts/api/get-alert-context.ts";
import { applyRecordedObservation, recordObservation } from "../observations/api/record-observation.ts";
import { sessionDetailKey } from "../sessions/api/get-session.ts";
import { applyRecordedVitals, recordVitals } from "../vitals/api/record-vitals.ts";
import type { OutboxEntry } from "./outbox-entry.ts";

/** The request that stores an entry on the server. */
export function transmitEntry(entry: OutboxEntry): Promise<unknown> {
  return entry.kind === "vitals"
    ? recordVitals(entry.sessionId, entry.body)
    : recordObservation(entry.sessionId, entry.body);
}

/** Updates the cache exactly as a direct submit would; refetches when the answer was unreadable. */
export function applySentEntry(client: QueryClient, entry: OutboxEntry, response: unknown): void {
  if (response === null) {
    void client.invalidateQueries({ queryKey: sessionDetailKey(entry.sessionId) });
    void client.invalidateQueries({ queryKey: alertContextKey(entry.sessionId) });
  } else if (entry.kind === "vitals") {
    applyRecordedVitals(client, entry.sessionId, response as RecordVitalsResponse);
  } else {
    applyRecordedObservation(client, entry.sessionId, response as RecordObservationResponse);
  }
}
