import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { SessionProfileResponse, UpdateProfileRequest } from "../../../../shared/schemas/profile.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { alertContextKey } from "../../alerts/api/get-alert-context.ts";
import { sessionProfileKey } from "./get-session-profile.ts";

export function overrideSessionProfile(sessionId: string, body: UpdateProfileRequest) {
  return apiRequest(endpoints.overrideSessionProfile, { params: { id: sessionId }, body });
}

/** Physician only: this session's thresholds; the vitals preview switches to them at once. */
export function useOverrideSessionProfile(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileRequest) => overrideSessionProfile(sessionId, body),
    onSuccess: (data) => {
      queryClient.setQueryData<SessionProfileResponse>(sessionProfileKey(sessionId), data);
      void queryClient.invalidateQueries({ queryKey: alertContextKey(sessionId) });
    },
  });
}
