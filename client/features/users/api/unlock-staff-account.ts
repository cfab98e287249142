import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { staffAccountsKey } from "./list-staff-accounts.ts";

export function unlockStaffAccount(id: string) {
  return apiRequest(endpoints.unlockStaffAccount, { params: { id } });
}

export function useUnlockStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockStaffAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffAccountsKey }),
  });
}
