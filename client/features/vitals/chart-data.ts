import { observationTypeLabels } from "../../../shared/schemas/observation.ts";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";
import { minutesBetween } from "../../lib/time.ts";

export interface ChartPoint {
  t: number;
  sbp?: number;
  dbp?: number;
  map?: number;
  hr?: number;
  spo2?: number;
}

export interface ChartMarker {
  t: number;
  label: string;
  kind: "infusion" | "observation";
}

// Minutes to 3 decimals (60 ms): fine enough to keep 1 Hz monitor readings apart.
const roundT = (n: number) => Math.round(n * 1000) / 1000;
const opt = (v: number | null) => v ?? undefined;

type Reading = SessionDetail["vitals"][number];

function toPoint(r: Reading, startMs: number): ChartPoint {
  return {
    t: roundT((Date.parse(r.observedAt) - startMs) / 60_000),
    sbp: opt(r.sbp),
    dbp: opt(r.dbp),
    map: opt(r.map),
    hr: opt(r.hr),
    spo2: opt(r.spo2),
  };
}

/**
 * The last conversion: a new reading arrives as a new array holding the same reading objects, so the
 * points of the unchanged leading readings are reused (each reading is converted once, not per update).
 */
let last: { vitals: readonly Reading[]; start: string; points: (ChartPoint | null)[] } | undefined;

/** Readings as points on "minutes since session start", sorted; entries entered in error left out. */
export function chartPoints(vitals: readonly Reading[], start: string): ChartPoint[] {
  const startMs = Date.parse(start);
  const previous = last?.start === start ? last : undefined;
  const converted: (ChartPoint | null)[] = new Array(vitals.length);
  let i = 0;
  if (previous) {
    const shared = Math.min(vitals.length, previous.vitals.length);
    for (; i < shared && vitals[i] === previous.vitals[i]; i++) converted[i] = previous.points[i]!;
  }
  for (; i < vitals.length; i++) {
    const r = vitals[i]!;
    converted[i] = r.status === "entered_in_error" ? null : toPoint(r, startMs);
  }
  last = { vitals, start, points: converted };
  const points: ChartPoint[] = [];
  for (const p of converted) if (p !== null) points.push(p);
  if (!isSortedByT(points)) points.sort((a, b) => a.t - b.t);
  return points;
}

/** Infusion start/stop and observation markers; observations entered in error are left out. */
export function chartMarkers(
  session: SessionDetail["session"],
  observations: SessionDetail["observations"],
): ChartMarker[] {
  const start = session.createdAt;
  const markers: ChartMarker[] = [];
  const { infusionStartedAt, infusionStoppedAt } = session;
  if (infusionStartedAt)
    markers.push({
      t: roundT(minutesBetween(start, infusionStartedAt)),
      label: "Infusion start",
      kind: "infusion",
    });
  if (infusionStoppedAt)
    markers.push({
      t: roundT(minutesBetween(start, infusionStoppedAt)),
      label: "Infusion stop",
      kind: "infusion",
    });
  for (const o of observations.filter((x) => x.status !== "entered_in_error")) {
    markers.push({
      t: roundT(minutesBetween(start, o.observedAt)),
      label: observationTypeLabels[o.type],
      kind: "observation",
    });
  }
  return markers;
}

/** The time axis: at least 10 minutes, up to the whole minute after the latest point or marker. */
export function chartMaxT(points: readonly ChartPoint[], markers: readonly ChartMarker[]): number {
  // Points are sorted, so the last one is the latest: no spread over thousands of monitor readings.
  return Math.ceil(Math.max(10, points.at(-1)?.t ?? 0, ...markers.map((m) => m.t)));
}

function isSortedByT(points: readonly ChartPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i]!.t < points[i - 1]!.t) return false;
  return true;
}

export type YDomain = [number | "auto", number | "auto"];

/**
 * The y range to draw: the chart's usual scale widened to take in every plotted value, so an SpO2 of 72
 * on an 80-100 chart is shown, not clipped. "auto" ends follow the data, rounded out to `step`.
 */
export function domainCovering(
  usual: YDomain,
  series: readonly (readonly { y: number }[])[],
  step = 10,
): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series)
    for (const p of s) {
      if (p.y < min) min = p.y;
      if (p.y > max) max = p.y;
    }
  if (min > max) {
    min = typeof usual[0] === "number" ? usual[0] : 0;
    max = typeof usual[1] === "number" ? usual[1] : min + step;
  }
  const low = Math.floor(Math.min(min, typeof usual[0] === "number" ? usual[0] : min) / step) * step;
  const high = Math.ceil(Math.max(max, typeof usual[1] === "number" ? usual[1] : max) / step) * step;
  return [low, high > low ? high : low + step];
}
