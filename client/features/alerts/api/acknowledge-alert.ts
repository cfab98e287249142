import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { AcknowledgeAlertRequest, Alert } from "../../../../shared/schemas/alert.ts";
import type { SessionDetail, SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { applyAlertToSummaries, upsertAlert } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";
import { stationListKey } from "../../sessions/api/list-sessions.ts";
import { applyEscalation, escalatedAlertsKey } from "../escalations.ts";

export function acknowledgeAlert(alertId: string, body: AcknowledgeAlertRequest) {
  return apiRequest(endpoints.acknowledgeAlert, { params: { id: alertId }, body });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, note }: { alertId: string; note?: string }) =>
      acknowledgeAlert(alertId, note ? { note } : {}),
    onSuccess: (alert) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(alert.sessionId), (d) =>
        d ? upsertAlert(d, alert) : d,
      );
      queryClient.setQueryData<SessionSummary[]>(stationListKey, (l) =>
        l ? applyAlertToSummaries(l, alert) : l,
      );
      queryClient.setQueryData<Alert[]>(escalatedAlertsKey, (l) => applyEscalation(l, alert));
    },
  });
}
