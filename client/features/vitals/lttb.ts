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
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = points[i]!.x;
    ys[i] = points[i]!.y;
  }
  return lttbIndices(xs, ys, n, target).map((i) => points[i]!);
}

/**
 * lttbKeepingExtremes on the first `n` values of two columns (x ascending): the indices kept, ascending.
 * Columns rather than objects, so a caller with 7,200 readings per series builds no point objects first.
 */
export function lttbIndices(xs: Float64Array, ys: Float64Array, n: number, target: number): number[] {
  if (n <= Math.max(target, 2)) return Array.from({ length: n }, (_, i) => i);
  if (target < 2) throw new Error(`target must be at least 2, got ${target}`);
  // Up to three points per bucket (LTTB pick, min, max) plus the first and last point.
  const buckets = Math.floor((target - 2) / 3);
  if (buckets === 0) return [0, n - 1];
  const inner = n - 2;
  const bucketStart = (b: number) => 1 + Math.floor((b * inner) / buckets);
  const out: number[] = [0];
  let previous = 0;
  for (let b = 0; b < buckets; b++) {
    const start = bucketStart(b);
    const end = bucketStart(b + 1);
    // The next bucket's mean point (the last point, after the last bucket).
    const nextEnd = b + 1 < buckets ? bucketStart(b + 2) : n;
    let nextX = 0;
    let nextY = 0;
    for (let i = end; i < nextEnd; i++) {
      nextX += xs[i]!;
      nextY += ys[i]!;
    }
    nextX /= nextEnd - end;
    nextY /= nextEnd - end;
    const px = xs[previous]!;
    const py = ys[previous]!;
    let pick = start;
    let pickArea = -1;
    let min = start;
    let max = start;
    for (let i = start; i < end; i++) {
      const area = Math.abs((px - nextX) * (ys[i]! - py) - (px - xs[i]!) * (nextY - py));
      if (area > pickArea) {
        pickArea = area;
        pick = i;
      }
      if (ys[i]! < ys[min]!) min = i;
      if (ys[i]! > ys[max]!) max = i;
    }
    pushSortedUnique(out, pick, min, max);
    previous = pick;
  }
  out.push(n - 1);
  return out;
}

/** Appends a, b and c in ascending order, each once. */
function pushSortedUnique(out: number[], a: number, b: number, c: number): void {
  const lo = Math.min(a, b, c);
  const hi = Math.max(a, b, c);
  const mid = a + b + c - lo - hi;
  out.push(lo);
  if (mid !== lo) out.push(mid);
  if (hi !== mid) out.push(hi);
}
