import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Alert } from "../../../shared/schemas/alert.ts";
import { useSessions } from "../sessions/api/list-sessions.ts";
import { escalatedAlertsKey, mergeEscalations } from "./escalations.ts";

/** Escalated, unacknowledged alerts of every active session, oldest escalation first. */
export function useEscalatedAlerts(): Alert[] {
  const client = useQueryClient();
  const events = useQuery({
    queryKey: escalatedAlertsKey,
    // nothing to fetch: the realtime bridge writes this entry (never refetched, so never overwritten)
    queryFn: () => client.getQueryData<Alert[]>(escalatedAlertsKey) ?? [],
    initialData: () => client.getQueryData<Alert[]>(escalatedAlertsKey) ?? [],
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const station = useSessions({ status: "active" });
  return mergeEscalations(events.data, station.data);
}
