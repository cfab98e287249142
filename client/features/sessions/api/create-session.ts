import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { CreateSessionRequest } from "../../../../shared/schemas/session.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function createSession(body: CreateSessionRequest) {
  return apiRequest(endpoints.createSession, { body });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sessions", "list"] }),
  });
}
