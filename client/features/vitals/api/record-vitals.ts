import type { QueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordVitalsResponse, SessionDetail } from "../../../../shared/schemas/session-views.ts";
import type { RecordVitalsRequest } from "../../../../shared/schemas/vitals.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { alertContextKey } from "../../alerts/api/get-alert-context.ts";
import { appendReading, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

/** Sent only through the outbox (client/features/outbox), which retries it until the server answers. */
export function recordVitals(sessionId: string, body: RecordVitalsRequest) {
  return apiRequest(endpoints.recordVitals, { params: { id: sessionId }, body });
}

/** Writes a stored reading (201, or 200 for a retry the server already had) into the cache. */
export function applyRecordedVitals(
  queryClient: QueryClient,
  sessionId: string,
  { reading, alerts }: RecordVitalsResponse,
): void {
  queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
    d ? upsertAlerts(appendReading(d, reading), alerts) : d,
  );
  // the next preview must see this reading (confirmation, open alerts)
  void queryClient.invalidateQueries({ queryKey: alertContextKey(sessionId) });
}
