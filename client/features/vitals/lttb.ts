/** One sample of one series: x ascending (minutes), y the value. */
export interface XY {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets downsampling that never hides an extreme: the first and last points
 * are kept, the points between are cut into buckets, and each bucket contributes its LTTB point (the one
 * spanning the largest triangle with the previous pick and the next bucket's mean) plus its minimum and
 * maximum. So a lone SpO2 dip or BP spike always survives, whatever threshold (absolute, baseline-relative
 * or a session override) it crossed: every plotted bucket reaches exactly as high and as low as the data.
 *
 * Input must be sorted by x; the output is a subsequence of it (x stays ascending), at most `target` long.
 * Returns the input itself when it is already short enough.
 */
export function lttbKeepingExtremes<P extends XY>(points: readonly P[], target: number): readonly P[] {
  const n = points.length;
  if (n <= Math.max(target, 2)) return points;
  if (target < 2) throw new Error(`target must be at least 2, got ${target}`);
  const first = points[0]!;
  const last = points[n - 1]!;
  // Up to three points per bucket (LTTB pick, min, max) plus the first and last point.
  const buckets = Math.floor((target - 2) / 3);
  if (buckets === 0) return [first, last];
  const inner = n - 2;
  const bucketStart = (b: number) => 1 + Math.floor((b * inner) / buckets);
  const out: P[] = [first];
  let previous = first;
  for (let b = 0; b < buckets; b++) {
    const start = bucketStart(b);
    const end = bucketStart(b + 1);
    const next = nextBucketMean(points, end, b + 1 < buckets ? bucketStart(b + 2) : n);
    let pick = start;
    let pickArea = -1;
    let min = start;
    let max = start;
    for (let i = start; i < end; i++) {
      const p = points[i]!;
      const area = Math.abs(
        (previous.x - next.x) * (p.y - previous.y) - (previous.x - p.x) * (next.y - previous.y),
      );
      if (area > pickArea) {
        pickArea = area;
        pick = i;
      }
      if (p.y < points[min]!.y) min = i;
      if (p.y > points[max]!.y) max = i;
    }
    for (const i of sortedUnique(pick, min, max)) out.push(points[i]!);
    previous = points[pick]!;
  }
  out.push(last);
  return out;
}

function nextBucketMean(points: readonly XY[], start: number, end: number): XY {
  let x = 0;
  let y = 0;
  for (let i = start; i < end; i++) {
    x += points[i]!.x;
    y += points[i]!.y;
  }
  const count = end - start;
  return { x: x / count, y: y / count };
}

function sortedUnique(a: number, b: number, c: number): number[] {
  return [...new Set([a, b, c])].sort((p, q) => p - q);
}
