import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordObservationRequest } from "../../../../shared/schemas/observation.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { appendObservation, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

export function recordObservation(sessionId: string, body: RecordObservationRequest) {
  return apiRequest(endpoints.recordObservation, { params: { id: sessionId }, body });
}

export function useRecordObservation(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordObservationRequest) => recordObservation(sessionId, body),
    onSuccess: ({ observation, alerts }) =>
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
        d ? upsertAlerts(appendObservation(d, observation), alerts) : d,
      ),
  });
}
