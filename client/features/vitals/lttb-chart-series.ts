import type { ChartPoint } from "./chart-data.ts";
import { lttbIndices, type XY } from "./lttb.ts";

export type SeriesKey = keyof Omit<ChartPoint, "t">;

/** The most recent minutes are drawn at full resolution: that is where a clinician reads beat to beat. */
export const fullResolutionMinutes = 2;

/** Points per pixel of plot width kept for the older part of the session (each bucket yields up to 3). */
const pointsPerPixel = 1;

/** One series as x (minutes) / y points from index `from` of `points` on, skipping readings without it. */
function seriesXY(points: readonly ChartPoint[], key: SeriesKey, from = 0): XY[] {
  const out: XY[] = [];
  for (let i = from; i < points.length; i++) {
    const p = points[i]!;
    const y = p[key];
    if (y !== undefined) out.push({ x: p.t, y });
  }
  return out;
}

/** What a chart draws of one series: the older part downsampled, the recent window whole. */
export interface DrawnSeries {
  history: readonly XY[];
  recent: readonly XY[];
}

/**
 * Where the full-resolution window starts: `fullResolutionMinutes` before the latest point, on a whole
 * minute, so it moves once a minute and everything before it (the history) holds still in between.
 */
export function recentFrom(points: readonly ChartPoint[]): number {
  const last = points.at(-1);
  return last === undefined ? 0 : Math.floor(last.t) - fullResolutionMinutes;
}

/**
 * One series of one chart `widthPx` wide, drawn reading after reading: the history (points before
 * `recentFrom`) downsampled to about one point per pixel (buckets keeping their min, max and LTTB point),
 * the recent window whole. The history is remembered: while the window boundary, the width and the
 * history's points (by identity) stay the same, a new reading costs only its window, and the history array
 * returned is the same object, so what draws it can skip the work.
 * Points sorted by t; the output is a subsequence, so every drawn point is a real reading.
 */
export class SeriesDrawing {
  #last: { points: readonly ChartPoint[]; end: number; target: number; history: readonly XY[] } | undefined;

  constructor(readonly key: SeriesKey) {}

  draw(points: readonly ChartPoint[], widthPx: number): DrawnSeries {
    const target = Math.max(16, Math.round(widthPx * pointsPerPixel));
    const end = firstIndexAtOrAfter(points, recentFrom(points));
    let history = this.#last && this.#sameHistory(points, end, target) ? this.#last.history : undefined;
    if (history === undefined) {
      history = downsampled(points, this.key, end, target);
      this.#last = { points, end, target, history };
    }
    return { history, recent: seriesXY(points, this.key, end) };
  }

  #sameHistory(points: readonly ChartPoint[], end: number, target: number): boolean {
    const last = this.#last!;
    if (last.end !== end || last.target !== target) return false;
    if (last.points === points) return true;
    for (let i = 0; i < end; i++) if (last.points[i] !== points[i]) return false;
    // Remember the newer array: the older one (and the readings only it holds) can be collected.
    this.#last = { ...last, points };
    return true;
  }
}

/** The series' points before index `end`, downsampled: columns first, point objects only for what is kept. */
function downsampled(points: readonly ChartPoint[], key: SeriesKey, end: number, target: number): XY[] {
  const xs = new Float64Array(end);
  const ys = new Float64Array(end);
  let n = 0;
  for (let i = 0; i < end; i++) {
    const y = points[i]![key];
    if (y === undefined) continue;
    xs[n] = points[i]!.t;
    ys[n] = y;
    n++;
  }
  return lttbIndices(xs, ys, n, target).map((i) => ({ x: xs[i]!, y: ys[i]! }));
}

function firstIndexAtOrAfter(points: readonly ChartPoint[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
