import type { ChartPoint } from "./chart-data.ts";
import { lttbKeepingExtremes, type XY } from "./lttb.ts";

export type SeriesKey = keyof Omit<ChartPoint, "t">;

/** The most recent minutes are drawn at full resolution: that is where a clinician reads beat to beat. */
export const fullResolutionMinutes = 2;

/** Points per pixel of plot width kept for the older part of the session (each bucket yields up to 3). */
const pointsPerPixel = 1;

/** One series as x (minutes) / y points, skipping readings without that value. */
export function seriesXY(points: readonly ChartPoint[], key: SeriesKey): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const y = p[key];
    if (y !== undefined) out.push({ x: p.t, y });
  }
  return out;
}

/**
 * What a chart `widthPx` wide draws of one series: everything older than the last `fullResolutionMinutes`
 * downsampled to about one point per pixel (buckets of 3 px keeping their min, max and LTTB point), the
 * recent window whole.
 * Input sorted by x; output is a subsequence, so every drawn point is a real reading.
 */
export function seriesForWidth(series: readonly XY[], widthPx: number): readonly XY[] {
  const target = Math.max(16, Math.round(widthPx * pointsPerPixel));
  if (series.length <= target) return series;
  const recentFrom = series[series.length - 1]!.x - fullResolutionMinutes;
  const split = firstIndexAtOrAfter(series, recentFrom);
  if (split === 0) return lttbKeepingExtremes(series, target);
  return [...lttbKeepingExtremes(series.slice(0, split), target), ...series.slice(split)];
}

function firstIndexAtOrAfter(series: readonly XY[], x: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
