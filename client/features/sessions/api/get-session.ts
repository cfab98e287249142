import { queryOptions, replaceEqualDeep, useQuery } from "@tanstack/react-query";
import { endpoints } from "../../../../shared/api/endpoints.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { apiRequest, isApiError } from "../../../lib/api-client.ts";
import { loadSessionSnapshot, saveSessionSnapshot } from "../session-snapshots.ts";

export function getSession(id: string, signal?: AbortSignal) {
  return apiRequest(endpoints.getSession, { params: { id }, signal });
}

export const sessionDetailKey = (id: string) => ["sessions", "detail", id] as const;

// details read back from this device's snapshot, with the time they were fetched
const snapshotTimes = new WeakMap<SessionDetail, string>();

/** When the detail shown was fetched, if it is this device's offline copy rather than a server answer. */
export function snapshotSavedAt(detail: unknown): string | undefined {
  return typeof detail === "object" && detail !== null
    ? snapshotTimes.get(detail as SessionDetail)
    : undefined;
}

/**
 * The session from the server, kept as this device's offline copy. With no network and nothing in the
 * cache yet (the page was opened offline), the copy instead; when the page already shows live data,
 * an older copy never replaces it.
 */
async function getSessionOrSnapshot(
  id: string,
  signal: AbortSignal,
  hasData: boolean,
): Promise<SessionDetail> {
  try {
    const detail = await getSession(id, signal);
    void saveSessionSnapshot(detail).catch(() => undefined); // a copy for offline use: best effort
    return detail;
  } catch (error) {
    if (hasData || !isApiError(error) || error.code !== "network") throw error;
    const snapshot = await loadSessionSnapshot(id).catch(() => undefined);
    if (!snapshot) throw error;
    snapshotTimes.set(snapshot.detail, snapshot.savedAt);
    return snapshot.detail;
  }
}

export const sessionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sessionDetailKey(id),
    queryFn: async ({ signal, client }) => {
      const shown = () => client.getQueryData<SessionDetail>(sessionDetailKey(id));
      let detail = await getSessionOrSnapshot(id, signal, shown() !== undefined);
      // Live events applied while this was on its way may be newer than it, and the answer would take
      // them off the screen until the next event. The server publishes only after it commits, so asking
      // again brings them.
      for (let again = 0; again < 3 && !snapshotSavedAt(detail); again++) {
        const seq = shown()?.session.seq;
        if (seq === undefined || seq <= detail.session.seq) break;
        detail = await getSessionOrSnapshot(id, signal, true);
      }
      return detail;
    },
    // offline, one attempt is made (it may answer from the copy); retries wait for the network
    networkMode: "offlineFirst",
    refetchOnReconnect: (query) => (snapshotSavedAt(query.state.data) ? "always" : true),
    // a server answer replaces the copy even when equal, so it is no longer taken for one
    structuralSharing: (old, next) => (snapshotSavedAt(old) ? next : replaceEqualDeep(old, next)),
  });

export function useSession(id: string) {
  return useQuery(sessionQueryOptions(id));
}
