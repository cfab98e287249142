import type { Alert } from "../../../shared/schemas/alert.ts";
import type { SessionSummary } from "../../../shared/schemas/session-views.ts";
import { isEscalated } from "./alert-display.ts";

/**
 * The escalated, unacknowledged alerts of every session, as a react-query cache entry (no fetcher):
 * fed by "alert:changed" events (physicians receive escalations whatever page they are on) and
 * merged with the station list, which seeds it.
 */
export const escalatedAlertsKey = ["alerts", "escalated"] as const;

/** Adds or refreshes an alert that is escalated and unacknowledged; drops it otherwise. */
export function applyEscalation(list: readonly Alert[] | undefined, alert: Alert): Alert[] {
  const current = list ?? [];
  const rest = current.filter((a) => a.id !== alert.id);
  if (isEscalated(alert)) return [...rest, alert];
  return rest.length === current.length && list ? (list as Alert[]) : rest;
}

/**
 * Escalated alerts from the event store and the station list, one per id. Acknowledgement and
 * clearing never go back, so an alert that either source knows as acknowledged or cleared is dropped.
 */
export function mergeEscalations(
  events: readonly Alert[] | undefined,
  summaries: readonly SessionSummary[] | undefined,
): Alert[] {
  const versions = [...(summaries ?? []).flatMap((s) => s.openAlerts), ...(events ?? [])];
  const settled = new Set(
    versions.filter((a) => a.acknowledgedAt !== null || a.status === "cleared").map((a) => a.id),
  );
  const byId = new Map<string, Alert>();
  for (const a of versions) {
    if (isEscalated(a) && !settled.has(a.id)) byId.set(a.id, a);
  }
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.escalatedAt ?? a.raisedAt) - Date.parse(b.escalatedAt ?? b.raisedAt),
  );
}
