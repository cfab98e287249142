/** One benchmark's findings: Vigil beside its baseline measured in the same run, and the targets it was held to. */
export interface BenchSection {
  name: string;
  /** Free-form figures, e.g. { vigil: { p50Ms, p95Ms, p99Ms }, baseline: {...}, ratio: {...} } per load level. */
  results: unknown;
  targets: BenchTarget[];
  notes?: string[];
}

export interface BenchTarget {
  /** What is held, e.g. "alert p99 ≤ 2× raw relay at 500 chairs". */
  goal: string;
  measured: string;
  met: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchSection>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
