import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getHealth(signal?: AbortSignal) {
  return apiRequest(endpoints.health, { signal });
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ["health"], queryFn: ({ signal }) => getHealth(signal), staleTime: 5 * 60_000 });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
