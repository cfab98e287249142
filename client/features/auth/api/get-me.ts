import { queryOptions, replaceEqualDeep, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { User } from "../../../../shared/schemas/user.ts";
import { apiRequest, isApiError, isUnauthenticated } from "../../../lib/api-client.ts";
import { meQueryKey } from "../../../lib/query-client.ts";
import { forgetOfflineData, isLastKnownUser, lastKnownUser, rememberUser } from "../last-known-user.ts";

/**
 * The logged-in user, or null when nobody is (401). With no network (the app opened offline), the
 * last user this device saw: the layout and the entry forms work, and the server checks the cookie
 * again as soon as it is reachable.
 */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await apiRequest(endpoints.me, { signal });
    rememberUser(user);
    return user;
  } catch (error) {
    if (isUnauthenticated(error)) {
      forgetOfflineData();
      return null;
    }
    const offline = isApiError(error) && error.code === "network";
    const last = offline ? lastKnownUser() : null;
    if (last) return last;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    // runs offline too: it answers from this device then, or fails with "Cannot reach the server"
    networkMode: "always",
    // a user read back from this device is confirmed with the server as soon as it is reachable
    refetchOnReconnect: (query) => (isLastKnownUser(query.state.data) ? "always" : true),
    // a server answer replaces the stored copy even when equal, so it is no longer taken for one
    structuralSharing: (old, next) => (isLastKnownUser(old) ? next : replaceEqualDeep(old, next)),
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
