import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { LoginRequest } from "../../../../shared/schemas/user.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { meQueryKey } from "../../../lib/query-client.ts";
import { clearIdleLock } from "../idle-lock-state.ts";

export function login(body: LoginRequest) {
  return apiRequest(endpoints.login, { body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      clearIdleLock();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
