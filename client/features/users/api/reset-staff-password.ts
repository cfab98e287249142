import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { staffAccountsKey } from "./list-staff-accounts.ts";

export function resetStaffPassword(input: { id: string; password: string }) {
  return apiRequest(endpoints.resetStaffPassword, {
    params: { id: input.id },
    body: { password: input.password },
  });
}

export function useResetStaffPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetStaffPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffAccountsKey }),
  });
}
