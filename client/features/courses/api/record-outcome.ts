import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordOutcomeRequest } from "../../../../shared/schemas/outcome.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function recordOutcome(sessionId: string, body: RecordOutcomeRequest) {
  return apiRequest(endpoints.recordOutcome, { params: { id: sessionId }, body });
}

export function useRecordOutcome(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOutcomeRequest) => recordOutcome(sessionId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["sessions", "pre-infusion", sessionId] });
      void queryClient.invalidateQueries({ queryKey: ["patients", "course"] });
    },
  });
}
