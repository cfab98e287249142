import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function listPatients(q: string, signal?: AbortSignal) {
  return apiRequest(endpoints.listPatients, { query: { q: q.trim() || undefined }, signal });
}

export const patientsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ["patients", "list", q.trim()],
    queryFn: ({ signal }) => listPatients(q, signal),
    placeholderData: keepPreviousData,
  });

export function usePatients(q: string) {
  return useQuery(patientsQueryOptions(q));
}
