import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { staffAccountsKey } from "./list-staff-accounts.ts";

export function deactivateStaffAccount(id: string) {
  return apiRequest(endpoints.deactivateStaffAccount, { params: { id } });
}

export function useDeactivateStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateStaffAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffAccountsKey }),
  });
}
