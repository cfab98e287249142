import { priorityRank } from "../../schemas/alert.ts";
import type { ObservationType, Severity } from "../../schemas/observation.ts";
import { type ReadingSource, type VitalParameter, vitalParameters } from "../../schemas/vitals.ts";
import { clearAlert, conditionCleared, resignal, signal } from "./alerts.ts";
import {
  clearsWithMargin,
  formatValue,
  type LevelMatch,
  type LevelParameter,
  matchLevel,
  matchObservation,
  parameterLabel,
  rulesOf,
} from "./levels.ts";
import { persistedLevel, persistedPriority, persistenceApplies, updateRun } from "./persistence.ts";
import type { ThresholdProfile } from "./profile.ts";
import { type EngineState, findAlert, type Sample } from "./state.ts";
import type { AlertEvent, Millis, VitalValues } from "./types.ts";

/** Evaluates readings and observations against the profile (time comes with the input). */

/** Where a sample at time t goes in a time-ordered list: after every sample at or before t. */
function insertionIndex(samples: readonly Sample[], t: Millis): number {
  let i = samples.length;
  while (i > 0 && samples[i - 1]!.t > t) i--;
  return i;
}

/**
 * A new list (lists are shared between engine states, never changed in place): the sample inserted at
 * `at`, keeping only samples from `keepFrom` on, and always the newest. One pass, one array: a monitor's
 * 1 Hz heart rate keeps 600 samples for a 10-minute confirmation window, and this runs on every reading.
 */
function withSample(samples: readonly Sample[], at: number, sample: Sample, keepFrom: Millis): Sample[] {
  const out: Sample[] = [];
  for (let j = 0; j < at; j++) if (samples[j]!.t >= keepFrom) out.push(samples[j]!);
  if (sample.t >= keepFrom || at === samples.length) out.push(sample);
  for (let j = at; j < samples.length; j++) {
    if (samples[j]!.t >= keepFrom || j === samples.length - 1) out.push(samples[j]!);
  }
  return out;
}

/** Keeps what confirmation rules need (their longest window) and always the newest reading. */
function retainMs(parameter: LevelParameter, profile: ThresholdProfile): number {
  let ms = 0;
  for (const rule of rulesOf(parameter, profile)) {
    if (rule.confirm) ms = Math.max(ms, rule.confirm.withinMinutes * 60_000);
  }
  return ms;
}

/** Records the sample; returns the previous reading (by time) and whether this one is a late entry. */
function remember(
  state: EngineState,
  parameter: LevelParameter,
  sample: Sample,
  profile: ThresholdProfile,
): { previous: Sample | undefined; late: boolean } {
  const recent = state.recent[parameter] ?? [];
  const latest = recent.at(-1);
  const at = insertionIndex(recent, sample.t);
  const previous = at > 0 ? recent[at - 1] : undefined;
  const newest = Math.max(sample.t, latest?.t ?? sample.t);
  state.recent[parameter] = withSample(recent, at, sample, newest - retainMs(parameter, profile));
  if (parameter !== "moaas" && state.phase === "pre_infusion") {
    const pre = state.preInfusion[parameter] ?? [];
    const kept = withSample(pre, insertionIndex(pre, sample.t), sample, Number.NEGATIVE_INFINITY);
    state.preInfusion[parameter] = kept.slice(-profile.baseline.readings);
  }
  return { previous, late: latest !== undefined && sample.t < latest.t };
}

function backWithin(parameter: LevelParameter, value: number): string {
  return `${parameterLabel(parameter)} ${formatValue(parameter, value)} back within limits`;
}

/** Common ending: raise/upgrade on a level; clear (hysteresis) or keep open otherwise. */
function settle(
  state: EngineState,
  t: Millis,
  parameter: LevelParameter,
  value: number,
  level: LevelMatch | null,
  late: boolean,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  const open = findAlert(state, parameter);
  if (late) {
    // A late entry may still raise or upgrade, but never clears or rewrites a newer reading's alert.
    if (level && (!open || priorityRank[level.priority] > priorityRank[open.priority])) {
      signal(state, t, parameter, level, value, events);
    }
    return;
  }
  if (level) {
    signal(state, t, parameter, level, value, events);
  } else if (open) {
    const baseline = parameter === "moaas" ? undefined : state.baseline[parameter];
    if (clearsWithMargin(parameter, value, baseline, profile)) {
      conditionCleared(state, t, parameter, backWithin(parameter, value), value, profile, events);
    } else {
      open.value = value;
      open.conditionCleared = false;
    }
  }
}

function applyReading(
  state: EngineState,
  parameter: VitalParameter,
  value: number,
  t: Millis,
  source: ReadingSource,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  const { previous, late } = remember(state, parameter, { t, v: value }, profile);
  const level = matchLevel(parameter, value, { t, baseline: state.baseline[parameter], previous }, profile);
  if (!persistenceApplies(parameter, source, profile)) {
    settle(state, t, parameter, value, level, late, profile, events);
    return;
  }
  if (late) return; // A monitor stream is in order; a late monitor reading cannot extend a run.
  const run = updateRun(state, parameter, value, t, level?.priority ?? null, profile);
  const persisted = persistedPriority(run, t, profile);
  const open = findAlert(state, parameter);
  if (persisted && (!open || priorityRank[persisted] > priorityRank[open.priority])) {
    signal(state, t, parameter, persistedLevel(state, parameter, run, persisted, t, profile), value, events);
  } else if (level && open) {
    settle(state, t, parameter, value, { ...level, priority: open.priority }, false, profile, events);
  } else if (!level) {
    settle(state, t, parameter, value, null, false, profile, events);
  }
}

export function applyVitals(
  state: EngineState,
  t: Millis,
  source: ReadingSource,
  values: VitalValues,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  if (!profile.evaluatePhases.includes(state.phase)) return;
  for (const parameter of vitalParameters) {
    const value = values[parameter];
    if (value !== undefined) applyReading(state, parameter, value, t, source, profile, events);
  }
  if (values.sbp !== undefined || values.dbp !== undefined) {
    const late = state.lastBpAt !== null && t < state.lastBpAt;
    if (!late) {
      state.lastBpAt = t;
      clearAlert(state, t, "overdue", "BP recorded", events, null);
    }
  }
  if (source === "monitor") {
    state.monitorSeen = true;
    if (state.lastMonitorAt === null || t >= state.lastMonitorAt) {
      state.lastMonitorAt = t;
      clearAlert(state, t, "stale", "Monitor readings resumed", events, null);
    }
  }
}

export function applyObservation(
  state: EngineState,
  t: Millis,
  observation: { type: ObservationType; severity?: Severity | null; moaas?: number | null },
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  if (!profile.evaluatePhases.includes(state.phase)) return;
  const { type, severity, moaas } = observation;
  if (type === "sedation" && moaas !== undefined && moaas !== null) {
    const { late } = remember(state, "moaas", { t, v: moaas }, profile);
    const level = matchLevel("moaas", moaas, { t }, profile);
    settle(state, t, "moaas", moaas, level, late, profile, events);
    return;
  }
  const level = matchObservation(type, severity, profile);
  if (level) resignal(state, t, level, events);
}
