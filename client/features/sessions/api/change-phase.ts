import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { Phase } from "../../../../shared/schemas/session.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { replaceSessionInDetail } from "../../realtime/cache-updates.ts";
import { sessionDetailKey } from "./get-session.ts";

export function changePhase(sessionId: string, to: Phase) {
  return apiRequest(endpoints.changePhase, { params: { id: sessionId }, body: { to } });
}

export function useChangePhase(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: Phase) => changePhase(sessionId, to),
    onSuccess: (session) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
        d ? replaceSessionInDetail(d, session) : d,
      );
      void queryClient.invalidateQueries({ queryKey: ["sessions", "list"] });
    },
  });
}
