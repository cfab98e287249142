import type { AlertEvent } from "../../shared/clinical/engine/types.ts";
import { type AlertParameter, alertParameters, priorityRank } from "../../shared/schemas/alert.ts";
import { type LabelKind, labelKinds } from "../simulator/model/labels.ts";

/**
 * Alarm quality against ground truth (pure). An alert is one engine alert (raised ... cleared); at each
 * level it stands from an onset until it clears: "any" from its raise, "medium" from when it first stood
 * at medium or high, "high" from when it first stood at high (raised or upgraded). An alert matches a
 * labelled episode of its parameter (and direction) when, at that level, it stands at some moment of the
 * episode's window: from `beforeMin` before the episode starts to `afterMin[parameter]` after it ends.
 * Sensitivity: share of episodes with a matching alert; PPV: share of alerts matching an episode;
 * latency: first matching onset minus episode start (negative: the alert already stood).
 */

export const labelParameter: Record<LabelKind, AlertParameter> = {
  sbp_high: "sbp",
  hypotension: "sbp",
  dbp_high: "dbp",
  hr_high: "hr",
  bradycardia: "hr",
  spo2_low: "spo2",
  rr_low: "rr",
  sedation_deep: "moaas",
};

export const levels = ["high", "medium", "any"] as const;
export type Level = (typeof levels)[number];

export interface Tolerance {
  beforeMin: number;
  afterMin: Partial<Record<AlertParameter, number>>;
}

/** One measurement interval after the end: the cuff (≤ 10 min), the oximeter, the nurse's checks. */
export const defaultTolerance: Tolerance = {
  beforeMin: 2,
  afterMin: { sbp: 10, dbp: 10, hr: 1, spo2: 1, rr: 15, moaas: 15 },
};

export interface Episode {
  kind: LabelKind;
  startMs: number;
  endMs: number;
}

export interface Onset {
  parameter: AlertParameter;
  level: Level;
  ms: number;
  /** When the alert cleared (Infinity: still open at the end, e.g. a latched high alert). */
  endMs: number;
  /** Raised for a low value (SBP < 100, DBP < 60, HR < 60): matched to hypotension or bradycardia only. */
  low: boolean;
}

const lowBelow: Partial<Record<AlertParameter, number>> = { sbp: 100, dbp: 60, hr: 60 };
const lowKinds = new Set<LabelKind>(["hypotension", "bradycardia"]);
const highKinds = new Set<LabelKind>(["sbp_high", "dbp_high", "hr_high"]);

const levelRank: Record<Level, number> = { any: 1, medium: 2, high: 3 };

/** The onsets of every alert in a replay's events, per level reached, with the time it cleared. */
export function alertOnsets(events: readonly AlertEvent[]): Onset[] {
  const open = new Map<AlertParameter, { rank: number; low: boolean; onsets: Onset[] }>();
  const all: Onset[] = [];
  for (const e of events) {
    const rank = priorityRank[e.priority];
    if (e.event === "cleared") {
      for (const o of open.get(e.parameter)?.onsets ?? []) o.endMs = e.t;
      open.delete(e.parameter);
      continue;
    }
    if (e.event !== "raised" && e.event !== "upgraded") continue;
    let alert = open.get(e.parameter);
    if (e.event === "raised" || !alert) {
      for (const o of alert?.onsets ?? []) o.endMs = e.t;
      const threshold = lowBelow[e.parameter];
      alert = {
        rank: 0,
        low: threshold !== undefined && e.value !== null && e.value < threshold,
        onsets: [],
      };
      open.set(e.parameter, alert);
    }
    for (const level of levels) {
      if (levelRank[level] <= rank && levelRank[level] > alert.rank) {
        const onset = {
          parameter: e.parameter,
          level,
          ms: e.t,
          endMs: Number.POSITIVE_INFINITY,
          low: alert.low,
        };
        alert.onsets.push(onset);
        all.push(onset);
      }
    }
    alert.rank = Math.max(alert.rank, rank);
  }
  return all;
}

export interface Cell {
  alerts: number;
  matchedAlerts: number;
  episodes: number;
  caught: number;
  latenciesSec: number[];
}

export type Tally = { sessions: number; cells: Record<string, Cell>; kinds: Record<string, Cell> };

export const emptyTally = (): Tally => ({ sessions: 0, cells: {}, kinds: {} });
const emptyCell = (): Cell => ({ alerts: 0, matchedAlerts: 0, episodes: 0, caught: 0, latenciesSec: [] });
const cell = (table: Record<string, Cell>, key: string) => {
  table[key] ??= emptyCell();
  return table[key];
};

export function tallySession(
  tally: Tally,
  episodes: readonly Episode[],
  onsets: readonly Onset[],
  tol = defaultTolerance,
) {
  tally.sessions++;
  const window = (e: Episode) => {
    const after = tol.afterMin[labelParameter[e.kind]] ?? 0;
    return { from: e.startMs - tol.beforeMin * 60_000, to: e.endMs + after * 60_000 };
  };
  const inWindow = (o: Onset, e: Episode) => {
    const w = window(e);
    if (labelParameter[e.kind] !== o.parameter || o.ms > w.to || o.endMs < w.from) return false;
    return !(lowKinds.has(e.kind) && !o.low) && !(highKinds.has(e.kind) && o.low);
  };
  for (const o of onsets) {
    const c = cell(tally.cells, `${o.parameter}|${o.level}`);
    c.alerts++;
    if (episodes.some((e) => inWindow(o, e))) c.matchedAlerts++;
  }
  for (const e of episodes) {
    for (const level of levels) {
      const first = onsets
        .filter((o) => o.level === level && inWindow(o, e))
        .reduce((min, o) => Math.min(min, o.ms), Number.POSITIVE_INFINITY);
      for (const c of [
        cell(tally.cells, `${labelParameter[e.kind]}|${level}`),
        cell(tally.kinds, `${e.kind}|${level}`),
      ]) {
        c.episodes++;
        if (Number.isFinite(first)) {
          c.caught++;
          c.latenciesSec.push((first - e.startMs) / 1000);
        }
      }
    }
  }
}

/** Nearest-rank quantile of unsorted values (null when empty). */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Row {
  key: string;
  level: Level;
  alertsPerSession: number | null;
  alerts: number | null;
  ppv: number | null;
  episodes: number;
  caught: number;
  sensitivity: number | null;
  latencyMedianSec: number | null;
  latencyP90Sec: number | null;
}

function row(key: string, level: Level, c: Cell, sessions: number, withAlerts: boolean): Row {
  return {
    key,
    level,
    alertsPerSession: withAlerts ? c.alerts / Math.max(1, sessions) : null,
    alerts: withAlerts ? c.alerts : null,
    ppv: withAlerts && c.alerts > 0 && labeled(key) ? c.matchedAlerts / c.alerts : null,
    episodes: c.episodes,
    caught: c.caught,
    sensitivity: c.episodes > 0 ? c.caught / c.episodes : null,
    latencyMedianSec: quantile(c.latenciesSec, 0.5),
    latencyP90Sec: quantile(c.latenciesSec, 0.9),
  };
}

const labeled = (parameter: string) => Object.values(labelParameter).includes(parameter as AlertParameter);

/** Rows per parameter and level (contract order), then per label kind and level. */
export function finalize(tally: Tally): { byParameter: Row[]; byLabel: Row[] } {
  const byParameter = alertParameters.flatMap((p) =>
    levels.flatMap((level) => {
      const c = tally.cells[`${p}|${level}`];
      return c ? [row(p, level, c, tally.sessions, true)] : [];
    }),
  );
  const byLabel = labelKinds.flatMap((k) =>
    levels.map((level) => row(k, level, tally.kinds[`${k}|${level}`] ?? emptyCell(), tally.sessions, false)),
  );
  return { byParameter, byLabel };
}
