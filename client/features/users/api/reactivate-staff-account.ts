import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { staffAccountsKey } from "./list-staff-accounts.ts";

export function reactivateStaffAccount(id: string) {
  return apiRequest(endpoints.reactivateStaffAccount, { params: { id } });
}

export function useReactivateStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivateStaffAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffAccountsKey }),
  });
}
