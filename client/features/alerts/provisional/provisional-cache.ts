import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import {
  dismissUnconfirmed,
  initialProvisionalState,
  type ProvisionalEntry,
  type ProvisionalState,
  shownProvisionals,
} from "./reconcile.ts";

/**
 * The provisional alarms of this page, as a react-query cache entry (no fetcher, like the escalated
 * alerts): written by the realtime bridge, gone with the rest of the cache at logout, never persisted.
 */
export const provisionalAlarmsKey = ["alerts", "provisional"] as const;

export function readProvisionals(client: QueryClient): ProvisionalState {
  return client.getQueryData<ProvisionalState>(provisionalAlarmsKey) ?? initialProvisionalState;
}

/** Applies a pure transition; writes (and notifies) only when it changed something. */
export function updateProvisionals(
  client: QueryClient,
  transition: (state: ProvisionalState) => ProvisionalState,
): ProvisionalState {
  const current = readProvisionals(client);
  const next = transition(current);
  if (next === current) return next;
  // kept while nothing shows it too: an unconfirmed alarm must not be garbage-collected away
  client.setQueryDefaults(provisionalAlarmsKey, {
    gcTime: Number.POSITIVE_INFINITY,
    staleTime: Number.POSITIVE_INFINITY,
  });
  client.setQueryData<ProvisionalState>(provisionalAlarmsKey, next);
  return next;
}

/** The provisional alarms to show and sound (all sessions this page hears about). */
export function useShownProvisionals(): ProvisionalEntry[] {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: provisionalAlarmsKey,
    // nothing to fetch: the bridge writes this entry (never refetched, so never overwritten)
    queryFn: () => readProvisionals(client),
    initialData: () => readProvisionals(client),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => shownProvisionals(data), [data]);
}

/** Dismisses an unconfirmed alarm on this page only: nothing is sent to the server. */
export function useDismissProvisional(): (id: string) => void {
  const client = useQueryClient();
  return useCallback(
    (id: string) => void updateProvisionals(client, (s) => dismissUnconfirmed(s, id)),
    [client],
  );
}
