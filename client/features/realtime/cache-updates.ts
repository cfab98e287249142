import type { Alert, AlertPriority } from "../../../shared/schemas/alert.ts";
import { priorityRank } from "../../../shared/schemas/alert.ts";
import type { Observation } from "../../../shared/schemas/observation.ts";
import type { InfusionSession } from "../../../shared/schemas/session.ts";
import type { LatestValues, SessionDetail, SessionSummary } from "../../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../../shared/schemas/vitals.ts";

/**
 * Pure cache updaters: each takes the cached value and one change, and returns the next value
 * (the same object when nothing changed). Every append dedupes by id, so a change that arrives twice
 * (REST response and socket event, or a replay after reconnect) is applied once.
 */

const byObservedAt = <T extends { observedAt: string }>(a: T, b: T) =>
  Date.parse(a.observedAt) - Date.parse(b.observedAt);

function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item];
  const next = [...list];
  next[index] = item;
  return next;
}

export function appendReading(detail: SessionDetail, reading: VitalsReading): SessionDetail {
  if (reading.sessionId !== detail.session.id || detail.vitals.some((r) => r.id === reading.id))
    return detail;
  return { ...detail, vitals: [...detail.vitals, reading].sort(byObservedAt) };
}

export function appendObservation(detail: SessionDetail, observation: Observation): SessionDetail {
  if (
    observation.sessionId !== detail.session.id ||
    detail.observations.some((o) => o.id === observation.id)
  ) {
    return detail;
  }
  return { ...detail, observations: [...detail.observations, observation].sort(byObservedAt) };
}

export function upsertAlert(detail: SessionDetail, alert: Alert): SessionDetail {
  if (alert.sessionId !== detail.session.id) return detail;
  return { ...detail, alerts: upsertById(detail.alerts, alert) };
}

export function upsertAlerts(detail: SessionDetail, alerts: readonly Alert[]): SessionDetail {
  return alerts.reduce(upsertAlert, detail);
}

/** Replaces the session unless the cached one is newer (higher seq). */
export function replaceSessionInDetail(detail: SessionDetail, session: InfusionSession): SessionDetail {
  if (session.id !== detail.session.id || session.seq < detail.session.seq) return detail;
  return { ...detail, session };
}

/** True when an event's seq shows that at least one earlier event was missed. */
export function hasSeqGap(detail: SessionDetail, seq: number): boolean {
  return seq > detail.session.seq + 1;
}

/** Records that events up to `seq` were applied. */
export function markSeq(detail: SessionDetail, seq: number): SessionDetail {
  if (seq <= detail.session.seq) return detail;
  return { ...detail, session: { ...detail.session, seq } };
}

// ---- station summaries -------------------------------------------------------------------------

export function worstPriority(alerts: readonly Alert[]): AlertPriority | null {
  let worst: AlertPriority | null = null;
  for (const a of alerts) {
    if (a.status === "open" && (!worst || priorityRank[a.priority] > priorityRank[worst])) worst = a.priority;
  }
  return worst;
}

function mapSummary(
  list: SessionSummary[],
  sessionId: string,
  update: (s: SessionSummary) => SessionSummary,
): SessionSummary[] {
  let changed = false;
  const next = list.map((s) => {
    if (s.session.id !== sessionId) return s;
    const updated = update(s);
    if (updated !== s) changed = true;
    return updated;
  });
  return changed ? next : list;
}

const latestKeys = ["sbp", "dbp", "map", "hr", "spo2", "rr"] as const;

/** Each parameter keeps its newest value: a HR-only reading must not hide the last BP. */
export function mergeLatestValues(latest: LatestValues, reading: VitalsReading): LatestValues {
  let next = latest;
  for (const key of latestKeys) {
    const value = reading[key];
    const current = latest[key];
    if (value === null || (current && Date.parse(current.observedAt) > Date.parse(reading.observedAt)))
      continue;
    if (current && current.value === value && current.observedAt === reading.observedAt) continue;
    next = { ...next, [key]: { value, observedAt: reading.observedAt } };
  }
  return next;
}

export function applyReadingToSummaries(list: SessionSummary[], reading: VitalsReading): SessionSummary[] {
  return mapSummary(list, reading.sessionId, (s) => {
    const newer =
      !s.latestVitals || (s.latestVitals.id !== reading.id && byObservedAt(s.latestVitals, reading) <= 0);
    const latestValues = mergeLatestValues(s.latestValues, reading);
    if (!newer && latestValues === s.latestValues) return s;
    return { ...s, latestVitals: newer ? reading : s.latestVitals, latestValues };
  });
}

export function applyAlertToSummaries(list: SessionSummary[], alert: Alert): SessionSummary[] {
  return mapSummary(list, alert.sessionId, (s) => {
    const without = s.openAlerts.filter((a) => a.id !== alert.id);
    const openAlerts = alert.status === "open" ? upsertById(s.openAlerts, alert) : without;
    if (alert.status !== "open" && without.length === s.openAlerts.length) return s;
    return { ...s, openAlerts, worstOpenPriority: worstPriority(openAlerts) };
  });
}

/** Replaces the tile's session; a discharged session leaves the station. */
export function applySessionToSummaries(list: SessionSummary[], session: InfusionSession): SessionSummary[] {
  if (session.phase === "discharged") return list.filter((s) => s.session.id !== session.id);
  return mapSummary(list, session.id, (s) => (session.seq < s.session.seq ? s : { ...s, session }));
}

/** A session started or ended: add, replace or remove its tile. */
export function applyStationChange(list: SessionSummary[], summary: SessionSummary): SessionSummary[] {
  const rest = list.filter((s) => s.session.id !== summary.session.id);
  if (summary.session.phase === "discharged") return rest.length === list.length ? list : rest;
  if (rest.length === list.length) return [...list, summary];
  return list.map((s) => (s.session.id === summary.session.id ? summary : s));
}
