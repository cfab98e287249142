import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";

export function addAddendum(sessionId: string, text: string) {
  return apiRequest(endpoints.addAddendum, { params: { id: sessionId }, body: { text } });
}

export function useAddAddendum(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => addAddendum(sessionId, text),
    onSuccess: (addendum) => {
      queryClient.setQueryData<SessionDetail>(sessionDetailKey(sessionId), (d) =>
        d && !(d.addenda ?? []).some((a) => a.id === addendum.id)
          ? { ...d, addenda: [...(d.addenda ?? []), addendum] }
          : d,
      );
    },
  });
}
