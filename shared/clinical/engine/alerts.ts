import { type AlertParameter, type AlertPriority, priorityRank } from "../../schemas/alert.ts";
import type { LevelMatch } from "./levels.ts";
import type { ThresholdProfile } from "./profile.ts";
import { type EngineState, findAlert, type OpenAlert, removeAlert } from "./state.ts";
import type { AlertEvent, Millis } from "./types.ts";

/** The lifecycle of open alerts: one per parameter, priority only rises, high latches until acknowledged. */

function toEvent(t: Millis, event: AlertEvent["event"], alert: OpenAlert): AlertEvent {
  const { parameter, priority, message, value } = alert;
  return { t, event, parameter, priority, message, value };
}

function emit(events: AlertEvent[], t: Millis, event: AlertEvent["event"], alert: OpenAlert): void {
  events.push(toEvent(t, event, alert));
}

/** A level is met: raise, upgrade when higher, otherwise only note the latest value. */
export function signal(
  state: EngineState,
  t: Millis,
  parameter: AlertParameter,
  level: LevelMatch,
  value: number | null,
  events: AlertEvent[],
): void {
  const open = findAlert(state, parameter);
  if (!open) {
    const alert: OpenAlert = {
      parameter,
      priority: level.priority,
      message: level.message,
      value,
      raisedAt: t,
      prioritySince: t,
      acknowledged: null,
      escalatedAt: null,
      conditionCleared: false,
    };
    state.alerts.push(alert);
    emit(events, t, "raised", alert);
    return;
  }
  open.conditionCleared = false;
  if (priorityRank[level.priority] > priorityRank[open.priority]) {
    upgrade(open, t, level.priority, level.message, value);
    emit(events, t, "upgraded", open);
  } else {
    open.value = value;
  }
}

/** A higher priority is a new signal: it needs a fresh acknowledgement and restarts escalation. */
function upgrade(
  alert: OpenAlert,
  t: Millis,
  priority: AlertPriority,
  message: string,
  value: number | null,
): void {
  Object.assign(alert, { priority, message, value, prioritySince: t });
  alert.acknowledged = null;
  alert.escalatedAt = null;
  alert.conditionCleared = false;
}

/**
 * A new alerting observation while an observation alert is open is never swallowed: the alert is
 * re-signalled ("upgraded", resignal) with both messages, keeps the higher priority and needs a new
 * acknowledgement.
 */
export function resignal(state: EngineState, t: Millis, level: LevelMatch, events: AlertEvent[]): void {
  const open = findAlert(state, "observation");
  if (!open) {
    signal(state, t, "observation", level, null, events);
    return;
  }
  const priority =
    priorityRank[level.priority] > priorityRank[open.priority] ? level.priority : open.priority;
  upgrade(open, t, priority, `${level.message}; earlier: ${open.message}`, null);
  events.push({ ...toEvent(t, "upgraded", open), resignal: true });
}

export function clearAlert(
  state: EngineState,
  t: Millis,
  parameter: AlertParameter,
  message: string,
  events: AlertEvent[],
  value?: number | null,
): void {
  const open = findAlert(state, parameter);
  if (!open) return;
  removeAlert(state, parameter);
  events.push({
    t,
    event: "cleared",
    parameter,
    priority: open.priority,
    message,
    value: value === undefined ? open.value : value,
  });
}

/** The condition has cleared: clear, unless the alert latches and nobody has acknowledged it yet. */
export function conditionCleared(
  state: EngineState,
  t: Millis,
  parameter: AlertParameter,
  message: string,
  value: number | null,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  const open = findAlert(state, parameter);
  if (!open) return;
  if (profile.latchPriorities.includes(open.priority) && !open.acknowledged) {
    open.conditionCleared = true;
    open.value = value;
    return;
  }
  clearAlert(state, t, parameter, message, events, value);
}

/** Acknowledging stops escalation; a latched alert whose condition already cleared clears now. */
export function acknowledge(
  state: EngineState,
  t: Millis,
  parameter: AlertParameter,
  by: string | undefined,
  events: AlertEvent[],
): void {
  const open = findAlert(state, parameter);
  // An acknowledgement older than the current priority was for an earlier, lower signal.
  if (!open || t < open.prioritySince) return;
  open.acknowledged = by === undefined ? { at: t } : { at: t, by };
  if (open.conditionCleared) {
    clearAlert(state, t, parameter, `Acknowledged after the condition cleared: ${open.message}`, events);
  }
}

export function escalate(
  state: EngineState,
  t: Millis,
  parameter: AlertParameter,
  events: AlertEvent[],
): void {
  const open = findAlert(state, parameter);
  if (!open) return;
  open.escalatedAt = t;
  events.push({ ...toEvent(t, "escalated", open), message: `Unacknowledged: ${open.message}` });
}
