import { type AlertParameter, type AlertPriority, alertParameters } from "../../schemas/alert.ts";
import { phaseLabels } from "../../schemas/session.ts";
import { vitalParameters } from "../../schemas/vitals.ts";
import { escalate, signal } from "./alerts.ts";
import { formatDuration } from "./levels.ts";
import { persistedLevel, persistenceDue } from "./persistence.ts";
import type { ThresholdProfile } from "./profile.ts";
import { type EngineState, findAlert } from "./state.ts";
import type { AlertEvent, Millis } from "./types.ts";

/**
 * Timer rules (persistence, overdue, stale, escalation). Every pending timer is derived from the
 * state alone, and firing one changes the state so that it is no longer pending.
 */

export const timerKinds = ["persistence", "overdue", "stale", "escalation"] as const;
export type TimerKind = (typeof timerKinds)[number];

export interface DueTimer {
  at: Millis;
  kind: TimerKind;
  parameter: AlertParameter;
  priority: AlertPriority;
}

function overdueBase(state: EngineState): Millis | null {
  if (state.phaseStartedAt === null) return null;
  return Math.max(state.phaseStartedAt, state.lastBpAt ?? Number.NEGATIVE_INFINITY);
}

function overdueTimer(state: EngineState, profile: ThresholdProfile): DueTimer | null {
  const interval = profile.overdue.intervalMinutes[state.phase];
  const base = overdueBase(state);
  if (interval === undefined || base === null) return null;
  const due = base + interval * 60_000;
  const open = findAlert(state, "overdue");
  if (!open)
    return {
      at: due + profile.overdue.lowAfterMinutes * 60_000,
      kind: "overdue",
      parameter: "overdue",
      priority: "low",
    };
  if (open.priority === "low") {
    return {
      at: due + profile.overdue.mediumAfterMinutes * 60_000,
      kind: "overdue",
      parameter: "overdue",
      priority: "medium",
    };
  }
  return null;
}

function staleTimer(state: EngineState, profile: ThresholdProfile): DueTimer | null {
  if (!state.monitorSeen || state.lastMonitorAt === null) return null;
  if (!profile.stale.phases.includes(state.phase) || findAlert(state, "stale")) return null;
  const from = Math.max(state.lastMonitorAt, state.staleWatchSince ?? Number.NEGATIVE_INFINITY);
  return {
    at: from + profile.stale.seconds * 1000,
    kind: "stale",
    parameter: "stale",
    priority: profile.stale.priority,
  };
}

/** Every timer that would produce an event if nothing else arrives, in firing order. */
export function dueTimers(state: EngineState, profile: ThresholdProfile): DueTimer[] {
  const timers: DueTimer[] = [];
  if (profile.evaluatePhases.includes(state.phase)) {
    for (const parameter of vitalParameters) {
      const run = state.persistence[parameter];
      if (!run) continue;
      const open = findAlert(state, parameter);
      for (const { at, priority } of persistenceDue(run, open?.priority ?? null, profile)) {
        timers.push({ at, kind: "persistence", parameter, priority });
      }
    }
  }
  const overdue = overdueTimer(state, profile);
  if (overdue) timers.push(overdue);
  const stale = staleTimer(state, profile);
  if (stale) timers.push(stale);
  for (const alert of state.alerts) {
    const delay = profile.escalationSeconds[alert.priority];
    if (delay === undefined || alert.acknowledged || alert.escalatedAt !== null) continue;
    const { parameter, priority } = alert;
    timers.push({ at: alert.prioritySince + delay * 1000, kind: "escalation", parameter, priority });
  }
  const order = (d: DueTimer) => [d.at, timerKinds.indexOf(d.kind), alertParameters.indexOf(d.parameter)];
  return timers.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}

/** The earliest time a timer rule will produce an event if no other input arrives, or null. */
export function nextDueAt(state: EngineState, profile: ThresholdProfile): Millis | null {
  return dueTimers(state, profile)[0]?.at ?? null;
}

function fire(state: EngineState, timer: DueTimer, profile: ThresholdProfile, events: AlertEvent[]): void {
  const { at, parameter, priority } = timer;
  if (timer.kind === "escalation") {
    escalate(state, at, parameter, events);
  } else if (timer.kind === "persistence") {
    const vital = parameter as (typeof vitalParameters)[number];
    const run = state.persistence[vital]!;
    signal(
      state,
      at,
      parameter,
      persistedLevel(state, vital, run, priority, at, profile),
      run.lastValue,
      events,
    );
  } else if (timer.kind === "stale") {
    const silent = at - (state.lastMonitorAt ?? at);
    const message = `No monitor reading for ${formatDuration(silent)}`;
    signal(state, at, "stale", { priority, message }, Math.round(silent / 1000), events);
  } else {
    const since = at - (overdueBase(state) ?? at);
    const phase = phaseLabels[state.phase].toLowerCase();
    const interval = profile.overdue.intervalMinutes[state.phase];
    const what =
      state.lastBpAt !== null && state.lastBpAt >= (state.phaseStartedAt ?? 0)
        ? `last BP ${formatDuration(since)} ago`
        : `no BP in the ${formatDuration(since)} since ${phase} started`;
    const during = state.phase === "infusing" ? "while infusing" : `in ${phase}`;
    const message = `BP overdue: ${what} (due every ${interval} min ${during})`;
    signal(state, at, "overdue", { priority, message }, Math.round(since / 60_000), events);
  }
}

/**
 * Fires, in time order, every timer due before `t` (or at `t` too when inclusive), each stamped
 * with the time it fell due. Mutates `state`; callers pass a copy.
 */
export function fireDue(
  state: EngineState,
  t: Millis,
  inclusive: boolean,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const next = dueTimers(state, profile)[0];
    if (!next || next.at > t || (!inclusive && next.at === t)) return;
    fire(state, next, profile, events);
  }
  throw new Error("alert engine: timers did not settle");
}
