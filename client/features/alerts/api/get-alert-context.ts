import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

/** The session's effective threshold profile and engine state: the vitals form previews with them. */
export function getAlertContext(sessionId: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getAlertContext, { params: { id: sessionId }, signal });
}

/** Invalidated by the realtime bridge on alert and session events, and after recording vitals. */
export const alertContextKey = (sessionId: string) => ["alert-context", sessionId] as const;

export const alertContextQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: alertContextKey(sessionId),
    queryFn: ({ signal }) => getAlertContext(sessionId, signal),
  });

export function useAlertContext(sessionId: string) {
  return useQuery(alertContextQueryOptions(sessionId));
}
