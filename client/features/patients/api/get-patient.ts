import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getPatient(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getPatient, { params: { id }, signal });
}

export const patientQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["patients", "detail", id], queryFn: ({ signal }) => getPatient(id, signal) });

export function usePatient(id: string) {
  return useQuery(patientQueryOptions(id));
}
