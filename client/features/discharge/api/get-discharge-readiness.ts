import { queryOptions, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { DischargeReadiness } from "../../../../shared/schemas/discharge-readiness.ts";
import { apiRequest } from "../../../lib/api-client.ts";

export function getDischargeReadiness(sessionId: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getDischargeReadiness, { params: { id: sessionId }, signal });
}

export const dischargeReadinessKey = (sessionId: string) =>
  ["sessions", "discharge-readiness", sessionId] as const;

/**
 * Evaluated by the server on its own clock; refreshed every 30 s (the observation time moves on) and
 * whenever the session changes (see use-discharge-sync). Starts from the copy in the session detail.
 */
export function useDischargeReadiness(
  sessionId: string,
  initial: DischargeReadiness | null | undefined,
  enabled = true,
) {
  return useQuery(
    queryOptions({
      queryKey: dischargeReadinessKey(sessionId),
      queryFn: ({ signal }) => getDischargeReadiness(sessionId, signal),
      refetchInterval: 30_000,
      enabled,
      ...(initial ? { initialData: initial, initialDataUpdatedAt: Date.now() } : {}),
    }),
  );
}
