import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getClinicProfile(signal?: AbortSignal) {
  return apiRequest(endpoints.getClinicProfile, { signal });
}

export const clinicProfileKey = ["profiles", "clinic"] as const;

export const clinicProfileQueryOptions = () =>
  queryOptions({ queryKey: clinicProfileKey, queryFn: ({ signal }) => getClinicProfile(signal) });

export function useClinicProfile() {
  return useQuery(clinicProfileQueryOptions());
}
