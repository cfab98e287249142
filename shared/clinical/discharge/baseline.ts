/** Percent deviation from baseline and the within-limit test (integer-safe: no division in the test). */
export function percentFromBaseline(value: number, baseline: number): number {
  return (Math.abs(value - baseline) / baseline) * 100;
}

/** |value - baseline| <= percent % of baseline, inclusive. */
export function withinPercent(value: number, baseline: number, percent: number): boolean {
  return Math.abs(value - baseline) * 100 <= percent * baseline + 1e-9;
}

export const formatPercent = (value: number, baseline: number) =>
  `${(Math.round(percentFromBaseline(value, baseline) * 10) / 10).toFixed(1)} %`;

export const formatBaseline = (b: number) => String(Math.round(b * 10) / 10);

export interface BaselineComparison {
  parameter: "sbp" | "dbp" | "hr";
  label: string;
  value: number;
  baseline: number;
}

const labels = { sbp: "SBP", dbp: "DBP", hr: "HR" } as const;

/**
 * The last BP (SBP and DBP of the newest reading with a BP) and the last HR, each with its baseline;
 * `missing` names what cannot be compared (no reading or no baseline).
 */
export function lastAgainstBaseline(
  readings: readonly { t: number; sbp: number | null; dbp: number | null; hr: number | null }[],
  baseline: { sbp?: number | undefined; dbp?: number | undefined; hr?: number | undefined },
): { comparisons: BaselineComparison[]; missing: string[] } {
  const byTime = [...readings].sort((a, b) => a.t - b.t);
  const lastBp = byTime.filter((r) => r.sbp !== null && r.dbp !== null).at(-1);
  const lastHr = byTime.filter((r) => r.hr !== null).at(-1);
  const comparisons: BaselineComparison[] = [];
  const missing: string[] = [];
  const add = (parameter: "sbp" | "dbp" | "hr", value: number | null | undefined) => {
    const b = baseline[parameter];
    if (value === null || value === undefined) missing.push(`no ${labels[parameter]} reading`);
    else if (b === undefined || b <= 0) missing.push(`no ${labels[parameter]} baseline`);
    else comparisons.push({ parameter, label: labels[parameter], value, baseline: b });
  };
  add("sbp", lastBp?.sbp);
  add("dbp", lastBp?.dbp);
  add("hr", lastHr?.hr);
  return { comparisons, missing };
}
