import type { QueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordObservationRequest } from "../../../../shared/schemas/observation.ts";
import type { RecordObservationResponse, SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { appendObservation, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

/** Sent only through the outbox (client/features/outbox), which retries it until the server answers. */
export function recordObservation(sessionId: string, body: RecordObservationRequest) {
  return apiRequest(endpoints.recordObservation, { params: { id: sessionId }, body });
}

/** Writes a stored observation (201, or 200 for a retry the server already had) into the cache. */
export function applyRecordedObservation(
  queryClient: QueryClient,
  sessionId: string,
  { observation, alerts }: RecordObservationResponse,
): void {
  queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
    d ? upsertAlerts(appendObservation(d, observation), alerts) : d,
  );
}
