import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { meQueryKey } from "../../../lib/query-client.ts";
import { clearIdleLock } from "../idle-lock-state.ts";
import { forgetOfflineData } from "../last-known-user.ts";

export function logout() {
  return apiRequest(endpoints.logout);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      clearIdleLock();
      forgetOfflineData();
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
