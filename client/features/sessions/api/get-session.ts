import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getSession(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getSession, { params: { id }, signal });
}

export const sessionDetailKey = (id: string) => ["sessions", "detail", id] as const;

export const sessionQueryOptions = (id: string) =>
  queryOptions({ queryKey: sessionDetailKey(id), queryFn: ({ signal }) => getSession(id, signal) });

export function useSession(id: string) {
  return useQuery(sessionQueryOptions(id));
}
