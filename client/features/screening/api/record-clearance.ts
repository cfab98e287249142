import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordClearanceRequest } from "../../../../shared/schemas/screening.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { preInfusionKey } from "./get-pre-infusion.ts";

export function recordClearance(sessionId: string, body: RecordClearanceRequest) {
  return apiRequest(endpoints.recordClearance, { params: { id: sessionId }, body });
}

export function useRecordClearance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordClearanceRequest) => recordClearance(sessionId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: preInfusionKey(sessionId) });
      void queryClient.invalidateQueries({ queryKey: ["patients", "course"] });
    },
  });
}
