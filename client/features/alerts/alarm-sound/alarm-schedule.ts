import type { Alert, AlertParameter, AlertPriority } from "../../../../shared/schemas/alert.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import type { AlarmPattern } from "../../../lib/alarm-audio.ts";
import type { ProvisionalEntry } from "../provisional/reconcile.ts";

/**
 * Which alarm pattern to play, and when: pure, so every rule is unit-tested. The caller ticks it
 * (about once a second) with the alerts that should sound, what it remembers and the time.
 */

/** "Audio paused" lasts 2 min and then ends by itself; there is no permanent mute. */
export const audioPauseMs = 2 * 60_000;
/** High repeats every 10 s, medium every 25 s; low sounds once per new alert. */
export const repeatMs: Record<Exclude<AlarmPattern, "low">, number> = { high: 10_000, medium: 25_000 };

export interface SoundingAlert {
  /** The signal: one per session and parameter (see soundingAlerts). */
  id: string;
  priority: AlertPriority;
  escalated: boolean;
}

export interface AlarmMemory {
  /** The last pattern played and when. */
  last: { pattern: AlarmPattern; at: number } | null;
  /** Alert signals already heard (id, priority and escalation), so a new or worse one sounds at once. */
  heard: readonly string[];
}

export const initialMemory: AlarmMemory = { last: null, heard: [] };

const signalOf = (sessionId: string, parameter: AlertParameter) => `${sessionId}:${parameter}`;

/**
 * Open, unacknowledged alerts sound; an acknowledged or cleared one is silent. Provisional alarms
 * (shown, confirming or unconfirmed) sound as alerts of their priority. A session has at most one open
 * alert per parameter, so the signal is the session and parameter: the committed alert that takes
 * over from a provisional one is the same signal, and the alarm is not started twice.
 */
export function soundingAlerts(
  alerts: readonly Alert[],
  provisionals: readonly ProvisionalEntry[] = [],
): SoundingAlert[] {
  const bySignal = new Map<string, SoundingAlert>();
  const add = (next: SoundingAlert) => {
    const current = bySignal.get(next.id);
    if (current && priorityRank[current.priority] > priorityRank[next.priority])
      next.priority = current.priority;
    if (current?.escalated) next.escalated = true;
    bySignal.set(next.id, next);
  };
  for (const a of alerts) {
    if (a.status !== "open" || a.acknowledgedAt !== null) continue;
    add({ id: signalOf(a.sessionId, a.parameter), priority: a.priority, escalated: a.escalatedAt !== null });
  }
  for (const { alarm } of provisionals) {
    add({ id: signalOf(alarm.sessionId, alarm.parameter), priority: alarm.priority, escalated: false });
  }
  return [...bySignal.values()];
}

/** An escalated alert plays the high burst whatever its own priority: the stronger signal. */
export function patternOf(alert: SoundingAlert): AlarmPattern {
  return alert.escalated ? "high" : alert.priority;
}

const rank: Record<AlarmPattern, number> = { high: 3, medium: 2, low: 1 };

export function topPattern(alerts: readonly SoundingAlert[]): AlarmPattern | null {
  let top: AlarmPattern | null = null;
  for (const a of alerts) {
    const p = patternOf(a);
    if (!top || rank[p] > rank[top]) top = p;
  }
  return top;
}

const keyOf = (a: SoundingAlert) => `${a.id}:${a.priority}:${a.escalated ? "escalated" : ""}`;

export function isPaused(pausedUntil: number | null, now: number): boolean {
  return pausedUntil !== null && now < pausedUntil;
}

/** Starts a 2-min audio pause; pausing again while paused does not extend it. */
export function pauseAudio(pausedUntil: number | null, now: number): number {
  return isPaused(pausedUntil, now) ? (pausedUntil as number) : now + audioPauseMs;
}

export function pauseRemainingMs(pausedUntil: number | null, now: number): number {
  return isPaused(pausedUntil, now) ? (pausedUntil as number) - now : 0;
}

export interface AlarmDecision {
  play: AlarmPattern | null;
  memory: AlarmMemory;
}

/**
 * The highest pattern sounds at once for a new (or upgraded, or escalated) alert, then repeats
 * (high every 10 s, medium every 25 s); low sounds once per new alert. While audio is paused
 * nothing sounds, except a new escalation: nobody has answered it, it must be heard.
 */
export function nextAlarm(
  alerts: readonly SoundingAlert[],
  memory: AlarmMemory,
  now: number,
  pausedUntil: number | null,
): AlarmDecision {
  const top = topPattern(alerts);
  const keys = alerts.map(keyOf);
  const heard = memory.heard.filter((k) => keys.includes(k));
  if (!top) return { play: null, memory: { last: memory.last, heard } };
  const fresh = alerts.filter((a) => !memory.heard.includes(keyOf(a)));
  const freshAtTop = fresh.some((a) => patternOf(a) === top);
  const paused = isPaused(pausedUntil, now);
  const freshEscalation = fresh.some((a) => a.escalated);
  let play = false;
  if (paused) play = freshEscalation;
  else if (freshAtTop) play = true;
  else if (top !== "low") {
    const { last } = memory;
    play = !last || rank[last.pattern] < rank[top] || now - last.at >= repeatMs[top];
  }
  if (!play) return { play: null, memory: { last: memory.last, heard } };
  return { play: top, memory: { last: { pattern: top, at: now }, heard: keys } };
}
