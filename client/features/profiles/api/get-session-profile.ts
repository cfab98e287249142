import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getSessionProfile(sessionId: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getSessionProfile, { params: { id: sessionId }, signal });
}

export const sessionProfileKey = (sessionId: string) => ["profiles", "session", sessionId] as const;

export const sessionProfileQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: sessionProfileKey(sessionId),
    queryFn: ({ signal }) => getSessionProfile(sessionId, signal),
  });

export function useSessionProfile(sessionId: string, enabled = true) {
  return useQuery({ ...sessionProfileQueryOptions(sessionId), enabled });
}
