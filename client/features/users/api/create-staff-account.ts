import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { CreateStaffAccountRequest } from "../../../../shared/schemas/user-admin.ts";
import { apiRequest } from "../../../lib/api-client.ts";
import { staffAccountsKey } from "./list-staff-accounts.ts";

export function createStaffAccount(body: CreateStaffAccountRequest) {
  return apiRequest(endpoints.createStaffAccount, { body });
}

export function useCreateStaffAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffAccountsKey }),
  });
}
