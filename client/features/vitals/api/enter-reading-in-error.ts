import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { ReadingEnteredInErrorRequest } from "../../../../shared/schemas/amendment.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { alertContextKey } from "../../alerts/api/get-alert-context.ts";
import { dischargeReadinessKey } from "../../discharge/api/get-discharge-readiness.ts";
import { appendReading, upsertAlerts } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

export function enterReadingInError(readingId: string, body: ReadingEnteredInErrorRequest) {
  return apiRequest(endpoints.enterReadingInError, { params: { id: readingId }, body });
}

/** Marks a reading entered in error (and stores its correction); the cached record shows both at once. */
export function useEnterReadingInError(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ readingId, body }: { readingId: string; body: ReadingEnteredInErrorRequest }) =>
      enterReadingInError(readingId, body),
    onSuccess: ({ original, correction, alerts }) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) => {
        if (!d) return d;
        const replaced = { ...d, vitals: d.vitals.map((r) => (r.id === original.id ? original : r)) };
        return upsertAlerts(correction ? appendReading(replaced, correction) : replaced, alerts);
      });
      void queryClient.invalidateQueries({ queryKey: alertContextKey(sessionId) });
      void queryClient.invalidateQueries({ queryKey: dischargeReadinessKey(sessionId) });
    },
  });
}
