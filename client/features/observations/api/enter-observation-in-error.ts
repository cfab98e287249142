import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { ObservationEnteredInErrorRequest } from "../../../../shared/schemas/amendment.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { alertContextKey } from "../../alerts/api/get-alert-context.ts";
import { dischargeReadinessKey } from "../../discharge/api/get-discharge-readiness.ts";
import { appendObservation, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

export function enterObservationInError(observationId: string, body: ObservationEnteredInErrorRequest) {
  return apiRequest(endpoints.enterObservationInError, { params: { id: observationId }, body });
}

export function useEnterObservationInError(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      observationId,
      body,
    }: {
      observationId: string;
      body: ObservationEnteredInErrorRequest;
    }) => enterObservationInError(observationId, body),
    onSuccess: ({ original, correction, alerts }) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) => {
        if (!d) return d;
        const observations = d.observations.map((o) => (o.id === original.id ? original : o));
        const replaced = { ...d, observations };
        return upsertAlerts(correction ? appendObservation(replaced, correction) : replaced, alerts);
      });
      void queryClient.invalidateQueries({ queryKey: alertContextKey(sessionId) });
      void queryClient.invalidateQueries({ queryKey: dischargeReadinessKey(sessionId) });
    },
  });
}
