import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { SignDischargeRequest } from "../../../../shared/schemas/discharge.ts";
import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { applySessionToSummaries } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";
import { stationListKey } from "../../sessions/api/list-sessions.ts";

export function signDischarge(sessionId: string, body: SignDischargeRequest) {
  return apiRequest(endpoints.signDischarge, { params: { id: sessionId }, body });
}

export function useSignDischarge(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignDischargeRequest) => signDischarge(sessionId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(sessionDetailKey(sessionId), detail);
      queryClient.setQueryData<SessionSummary[]>(stationListKey, (l) =>
        l ? applySessionToSummaries(l, detail.session) : l,
      );
      void queryClient.invalidateQueries({ queryKey: ["sessions", "list"], refetchType: "none" });
    },
  });
}
