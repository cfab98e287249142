import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getPreInfusion(sessionId: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getPreInfusion, { params: { id: sessionId }, signal });
}

export const preInfusionKey = (sessionId: string) => ["sessions", "pre-infusion", sessionId] as const;

/**
 * `readingsVersion` changes with every new reading, so the gate is re-read as soon as a baseline BP is
 * recorded; while the session is before its infusion, it is also polled (clearances by the physician).
 */
export const preInfusionQueryOptions = (sessionId: string, readingsVersion: string, live: boolean) =>
  queryOptions({
    queryKey: [...preInfusionKey(sessionId), readingsVersion],
    queryFn: ({ signal }) => getPreInfusion(sessionId, signal),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5000 : false,
  });

export function usePreInfusion(sessionId: string, readingsVersion: string, live: boolean) {
  return useQuery(preInfusionQueryOptions(sessionId, readingsVersion, live));
}
