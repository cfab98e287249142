import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import type { RecordVitalsRequest } from "../../../../shared/schemas/vitals.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { alertContextKey } from "../../alerts/api/get-alert-context.ts";
import { appendReading, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

export function recordVitals(sessionId: string, body: RecordVitalsRequest) {
  return apiRequest(endpoints.recordVitals, { params: { id: sessionId }, body });
}

export function useRecordVitals(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordVitalsRequest) => recordVitals(sessionId, body),
    onSuccess: ({ reading, alerts }) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
        d ? upsertAlerts(appendReading(d, reading), alerts) : d,
      );
      // the next preview must see this reading (confirmation, open alerts)
      void queryClient.invalidateQueries({ queryKey: alertContextKey(sessionId) });
    },
  });
}
