import type { Alert, AlertPriority } from "../../../../shared/schemas/alert.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import { parameterLabels, priorityDisplay } from "../alert-display.ts";
import type { ProvisionalEntry } from "./reconcile.ts";

/** The small tag beside the priority: what is known of the reading behind the alarm. */
export function provisionalTag(entry: ProvisionalEntry): string {
  if (entry.status !== "unconfirmed") return "confirming…";
  return entry.reason === "not-saved" ? "not saved — check patient" : "not confirmed — check patient";
}

/** The sentence an unconfirmed alarm shows until it is dismissed. */
export function unconfirmedText(entry: ProvisionalEntry): string {
  const chair = `chair ${entry.alarm.chair}`;
  return entry.reason === "not-saved"
    ? `Alarm from a reading that was not saved — check the patient in ${chair}.`
    : `Alarm from a reading the server never confirmed saving — check the patient in ${chair}.`;
}

/** One line for the live region: priority, where, what and the tag. */
export function announcement(entry: ProvisionalEntry, where: string | undefined): string {
  const { alarm } = entry;
  const place = where || `Chair ${alarm.chair}`;
  const detail = entry.status === "unconfirmed" ? unconfirmedText(entry) : provisionalTag(entry);
  return `${priorityDisplay[alarm.priority].text} alarm, ${place}: ${parameterLabels[alarm.parameter]} — ${alarm.message} — ${detail}`;
}

/** The worse of a chair's committed priority and its shown provisional alarms. */
export function worstWithProvisionals(
  committed: AlertPriority | null,
  provisionals: readonly ProvisionalEntry[],
): AlertPriority | null {
  let worst = committed;
  for (const { alarm } of provisionals) {
    if (!worst || priorityRank[alarm.priority] > priorityRank[worst]) worst = alarm.priority;
  }
  return worst;
}

export type ListedAlarm = { kind: "alert"; alert: Alert } | { kind: "provisional"; entry: ProvisionalEntry };

const open = (x: ListedAlarm) => x.kind === "provisional" || x.alert.status === "open";
const priorityOf = (x: ListedAlarm) => (x.kind === "alert" ? x.alert.priority : x.entry.alarm.priority);
const timeOf = (x: ListedAlarm) =>
  Date.parse(x.kind === "alert" ? x.alert.raisedAt : x.entry.alarm.observedAt);

/**
 * Committed and provisional alarms in one order, as the alert list sorts alerts: open (a provisional
 * counts as open) before cleared, then highest priority, then newest first.
 */
export function listAlarms(
  alerts: readonly Alert[],
  provisionals: readonly ProvisionalEntry[],
): ListedAlarm[] {
  const items: ListedAlarm[] = [
    ...alerts.map((alert) => ({ kind: "alert" as const, alert })),
    ...provisionals.map((entry) => ({ kind: "provisional" as const, entry })),
  ];
  return items.sort(
    (a, b) =>
      Number(open(b)) - Number(open(a)) ||
      priorityRank[priorityOf(b)] - priorityRank[priorityOf(a)] ||
      timeOf(b) - timeOf(a),
  );
}
