import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getSessionAudit(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getSessionAudit, { params: { id }, signal });
}

export const sessionAuditQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["sessions", "audit", id],
    queryFn: ({ signal }) => getSessionAudit(id, signal),
  });

/** Fetched when the panel is opened, and again each time it is reopened. */
export function useSessionAudit(id: string, enabled: boolean) {
  return useQuery({ ...sessionAuditQueryOptions(id), enabled, staleTime: 0 });
}
