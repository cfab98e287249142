import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export interface SessionListFilter {
  status: "active" | "all";
  patientId?: string;
}

export function listSessions(filter: SessionListFilter, signal?: AbortSignal) {
  return apiRequest(endpoints.listSessions, { query: filter, signal });
}

export const sessionListKey = (filter: SessionListFilter) =>
  ["sessions", "list", filter.status, filter.patientId ?? null] as const;

/** The central station's list: active sessions, kept current by socket events. */
export const stationListKey = sessionListKey({ status: "active" });

export const sessionsQueryOptions = (filter: SessionListFilter) =>
  queryOptions({ queryKey: sessionListKey(filter), queryFn: ({ signal }) => listSessions(filter, signal) });

export function useSessions(filter: SessionListFilter) {
  return useQuery(sessionsQueryOptions(filter));
}
