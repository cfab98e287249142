import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { RecordScreeningRequest } from "../../../../shared/schemas/screening.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { preInfusionKey } from "./get-pre-infusion.ts";

export function recordScreening(sessionId: string, body: RecordScreeningRequest) {
  return apiRequest(endpoints.recordScreening, { params: { id: sessionId }, body });
}

export function useRecordScreening(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordScreeningRequest) => recordScreening(sessionId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preInfusionKey(sessionId) }),
  });
}
