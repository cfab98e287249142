import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { LoginRequest } from "../../../../shared/schemas/user.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { meQueryKey } from "../../../lib/query-client.ts";
import { clearIdleLock } from "../idle-lock-state.ts";
import { forgetOfflineData, rememberUser } from "../last-known-user.ts";

export function login(body: LoginRequest) {
  return apiRequest(endpoints.login, { body });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      clearIdleLock();
      // the previous user's offline copies are not this user's to see
      forgetOfflineData();
      rememberUser(user);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
