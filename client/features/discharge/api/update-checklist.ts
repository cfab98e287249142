import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { ChecklistItems } from "../../../../shared/clinical/discharge/checklist.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { dischargeReadinessKey } from "./get-discharge-readiness.ts";

export function updateChecklist(sessionId: string, items: ChecklistItems) {
  return apiRequest(endpoints.updateDischargeChecklist, { params: { id: sessionId }, body: { items } });
}

export function useUpdateChecklist(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: ChecklistItems) => updateChecklist(sessionId, items),
    onSuccess: (readiness) => queryClient.setQueryData(dischargeReadinessKey(sessionId), readiness),
  });
}
