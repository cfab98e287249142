import {
  type AlertParameter,
  type AlertPriority,
  alertParameters,
  priorityRank,
} from "../../schemas/alert.ts";
import type { ThresholdProfile } from "./profile.ts";
import { type ReplayLine, toEngineInput } from "./replay-format.ts";
import { type EngineState, initialState } from "./state.ts";
import { step } from "./step.ts";
import type { AlertEvent } from "./types.ts";

/**
 * Replays a recorded session: inputs sorted by time (stable), each fed to the reducer, so timers
 * fire at their due time before the next later input, and none after the last input.
 */
export function replaySession(
  lines: readonly ReplayLine[],
  profile: ThresholdProfile,
  start: EngineState = initialState(),
): { state: EngineState; events: AlertEvent[] } {
  const inputs = lines.map(toEngineInput).sort((a, b) => a.t - b.t);
  let state = start;
  const events: AlertEvent[] = [];
  for (const input of inputs) {
    const result = step(state, input, profile);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

export type PriorityCounts = Record<AlertPriority, number>;

/** Alarm burden: alerts (episodes, counted at the highest priority they reached) and signals. */
export interface BurdenSummary {
  alerts: number;
  byPriority: PriorityCounts;
  byParameter: Partial<Record<AlertParameter, PriorityCounts>>;
  upgraded: number;
  escalated: number;
}

const zero = (): PriorityCounts => ({ high: 0, medium: 0, low: 0 });

export function emptySummary(): BurdenSummary {
  return { alerts: 0, byPriority: zero(), byParameter: {}, upgraded: 0, escalated: 0 };
}

function count(summary: BurdenSummary, parameter: AlertParameter, priority: AlertPriority, n = 1): void {
  summary.alerts += n;
  summary.byPriority[priority] += n;
  const perParameter = summary.byParameter[parameter] ?? zero();
  perParameter[priority] += n;
  summary.byParameter[parameter] = perParameter;
}

/** Keys in the contract's parameter order, so the JSON output is stable. */
function ordered(summary: BurdenSummary): BurdenSummary {
  const byParameter: BurdenSummary["byParameter"] = {};
  for (const p of alertParameters) {
    const counts = summary.byParameter[p];
    if (counts) byParameter[p] = counts;
  }
  return { ...summary, byParameter };
}

export function summarizeEvents(events: readonly AlertEvent[]): BurdenSummary {
  const summary = emptySummary();
  const episodes = new Map<AlertParameter, AlertPriority>();
  const close = (parameter: AlertParameter) => {
    const highest = episodes.get(parameter);
    if (highest) count(summary, parameter, highest);
    episodes.delete(parameter);
  };
  for (const e of events) {
    if (e.event === "raised") {
      close(e.parameter);
      episodes.set(e.parameter, e.priority);
    } else if (e.event === "upgraded") {
      summary.upgraded++;
      const highest = episodes.get(e.parameter);
      if (!highest || priorityRank[e.priority] > priorityRank[highest]) episodes.set(e.parameter, e.priority);
    } else if (e.event === "escalated") {
      summary.escalated++;
    } else {
      close(e.parameter);
    }
  }
  for (const parameter of [...episodes.keys()]) close(parameter);
  return ordered(summary);
}

export function addSummaries(a: BurdenSummary, b: BurdenSummary): BurdenSummary {
  const total = emptySummary();
  for (const s of [a, b]) {
    for (const [parameter, counts] of Object.entries(s.byParameter) as [AlertParameter, PriorityCounts][]) {
      for (const [priority, n] of Object.entries(counts) as [AlertPriority, number][]) {
        if (n > 0) count(total, parameter, priority, n);
      }
    }
    total.upgraded += s.upgraded;
    total.escalated += s.escalated;
  }
  return ordered(total);
}
