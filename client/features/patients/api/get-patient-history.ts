import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getPatientHistory(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getPatientHistory, { params: { id }, signal });
}

export const patientHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["patients", "history", id],
    queryFn: ({ signal }) => getPatientHistory(id, signal),
  });

export function usePatientHistory(id: string, enabled = true) {
  return useQuery({ ...patientHistoryQueryOptions(id), enabled });
}
