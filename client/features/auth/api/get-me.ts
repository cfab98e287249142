import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { User } from "../../../../shared/schemas/user.ts";
import { apiRequest, isUnauthenticated } from "../../../lib/api-client.ts";
import { meQueryKey } from "../../../lib/query-client.ts";

/** The logged-in user, or null when nobody is (401). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await apiRequest(endpoints.me, { signal });
    return user;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
