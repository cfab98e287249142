import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export const staffAccountsKey = ["admin", "users"] as const;

export function listStaffAccounts(signal?: AbortSignal) {
  return apiRequest(endpoints.listStaffAccounts, { signal });
}

export const staffAccountsQueryOptions = () =>
  queryOptions({ queryKey: staffAccountsKey, queryFn: ({ signal }) => listStaffAccounts(signal) });

/** Disabled for non-admins: the server would answer 403. */
export function useStaffAccounts(enabled = true) {
  return useQuery({ ...staffAccountsQueryOptions(), enabled });
}
