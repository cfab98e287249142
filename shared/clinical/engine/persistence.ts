import { type AlertPriority, alertPriorities, priorityRank } from "../../schemas/alert.ts";
import type { ReadingSource, VitalParameter } from "../../schemas/vitals.ts";
import { formatDuration, type LevelMatch, matchLevel, parameterLabel } from "./levels.ts";
import type { ThresholdProfile } from "./profile.ts";
import type { EngineState, PersistenceRun } from "./state.ts";
import type { Millis } from "./types.ts";

/**
 * Persistence for continuous-monitor readings: a level raises only once every monitor reading of
 * the parameter has met it (or a higher one) for `seconds`, without a gap longer than `maxGapSeconds`.
 */

export function persistenceApplies(
  parameter: VitalParameter,
  source: ReadingSource,
  profile: ThresholdProfile,
): boolean {
  const p = profile.persistence;
  return p.seconds > 0 && p.parameters.includes(parameter) && p.sources.includes(source);
}

/** Extends or restarts the run with a new, in-order monitor reading whose highest level is `level`. */
export function updateRun(
  state: EngineState,
  parameter: VitalParameter,
  value: number,
  t: Millis,
  level: AlertPriority | null,
  profile: ThresholdProfile,
): PersistenceRun {
  const previous = state.persistence[parameter];
  const continuous = previous !== undefined && t - previous.lastT <= profile.persistence.maxGapSeconds * 1000;
  const since: PersistenceRun["since"] = {};
  if (level) {
    for (const p of alertPriorities) {
      if (priorityRank[p] <= priorityRank[level])
        since[p] = (continuous ? previous.since[p] : undefined) ?? t;
    }
  }
  const run = { lastT: t, lastValue: value, since };
  state.persistence[parameter] = run;
  return run;
}

/** The highest priority whose run has lasted `seconds` at time t (run still unbroken), or null. */
export function persistedPriority(
  run: PersistenceRun,
  t: Millis,
  profile: ThresholdProfile,
): AlertPriority | null {
  if (t - run.lastT > profile.persistence.maxGapSeconds * 1000) return null;
  for (const p of alertPriorities) {
    const since = run.since[p];
    if (since !== undefined && t - since >= profile.persistence.seconds * 1000) return p;
  }
  return null;
}

/** When each priority's run falls due (while unbroken), for priorities above `above`. */
export function persistenceDue(
  run: PersistenceRun,
  above: AlertPriority | null,
  profile: ThresholdProfile,
): { at: Millis; priority: AlertPriority }[] {
  const floor = above ? priorityRank[above] : 0;
  const due: { at: Millis; priority: AlertPriority }[] = [];
  for (const p of alertPriorities) {
    const since = run.since[p];
    if (since === undefined || priorityRank[p] <= floor) continue;
    const at = since + profile.persistence.seconds * 1000;
    if (at - run.lastT <= profile.persistence.maxGapSeconds * 1000) due.push({ at, priority: p });
  }
  return due;
}

/** The level a persisted run stands for, described with its duration. */
export function persistedLevel(
  state: EngineState,
  parameter: VitalParameter,
  run: PersistenceRun,
  priority: AlertPriority,
  t: Millis,
  profile: ThresholdProfile,
): LevelMatch {
  const ctx = { t: run.lastT, baseline: state.baseline[parameter], maxPriority: priority };
  const level = matchLevel(parameter, run.lastValue, ctx, profile);
  const held = formatDuration(t - (run.since[priority] ?? t));
  const message = `${level?.message ?? `${parameterLabel(parameter)} ${run.lastValue}`} for ${held}`;
  return { priority, message };
}
