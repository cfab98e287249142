import { type AlertPriority, priorityRank } from "../../schemas/alert.ts";
import type { ObservationType, Severity } from "../../schemas/observation.ts";
import { observationTypeLabels } from "../../schemas/observation.ts";
import { type VitalParameter, vitalBounds } from "../../schemas/vitals.ts";
import type { ComparisonOp, LevelRule, ThresholdProfile } from "./profile.ts";
import type { Sample } from "./state.ts";
import type { Millis } from "./types.ts";

/** Which level a value meets, with the message a clinician reads. Pure and stateless. */

export type LevelParameter = VitalParameter | "moaas";

export interface LevelMatch {
  priority: AlertPriority;
  message: string;
}

export interface LevelContext {
  t: Millis;
  /** Fixed baseline of the parameter, when there is one. */
  baseline?: number | undefined;
  /** The previous reading of the parameter (for confirmation rules). */
  previous?: Sample | undefined;
  /** Consider only levels up to this priority. */
  maxPriority?: AlertPriority | undefined;
}

const opSymbols: Record<ComparisonOp, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

export function compare(op: ComparisonOp, x: number, threshold: number): boolean {
  if (op === ">=") return x >= threshold;
  if (op === ">") return x > threshold;
  if (op === "<=") return x <= threshold;
  return x < threshold;
}

/** The rule's threshold, or null for a baseline rule without a baseline (not applied). */
export function thresholdOf(rule: LevelRule, baseline: number | undefined): number | null {
  if (rule.basis !== "baseline") return rule.value;
  return baseline === undefined ? null : baseline + rule.value;
}

export function parameterLabel(parameter: LevelParameter): string {
  return parameter === "moaas" ? "MOAA/S" : vitalBounds[parameter].label;
}

export function formatValue(parameter: LevelParameter, value: number): string {
  if (parameter === "moaas") return `${value}`;
  const { unit } = vitalBounds[parameter];
  return unit === "%" || unit.startsWith("/") ? `${value}${unit}` : `${value} ${unit}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const min = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function rulesOf(parameter: LevelParameter, profile: ThresholdProfile): LevelRule[] {
  return parameter === "moaas" ? profile.moaas.levels : profile.vitals[parameter].levels;
}

function describe(parameter: LevelParameter, value: number, rule: LevelRule, ctx: LevelContext): string {
  const shown = `${parameterLabel(parameter)} ${formatValue(parameter, value)} ${opSymbols[rule.op]}`;
  let text =
    rule.basis === "baseline"
      ? `${shown} baseline ${round1(ctx.baseline ?? 0)} ${rule.value < 0 ? "-" : "+"} ${Math.abs(rule.value)}`
      : `${shown} ${rule.value}`;
  if (rule.confirm && ctx.previous) {
    const ago = formatDuration(ctx.t - ctx.previous.t);
    text += `, confirmed by ${formatValue(parameter, ctx.previous.v)} ${ago} earlier`;
  }
  return text;
}

function confirmed(rule: LevelRule, threshold: number, ctx: LevelContext): boolean {
  if (!rule.confirm) return true;
  const prev = ctx.previous;
  if (!prev || prev.t > ctx.t || ctx.t - prev.t > rule.confirm.withinMinutes * 60_000) return false;
  return compare(rule.op, prev.v, threshold);
}

/** The highest-priority level the value meets (first listed rule wins a tie), or null. */
export function matchLevel(
  parameter: LevelParameter,
  value: number,
  ctx: LevelContext,
  profile: ThresholdProfile,
): LevelMatch | null {
  let best: LevelMatch | null = null;
  const cap = ctx.maxPriority ? priorityRank[ctx.maxPriority] : Number.POSITIVE_INFINITY;
  for (const rule of rulesOf(parameter, profile)) {
    if (priorityRank[rule.priority] > cap) continue;
    const threshold = thresholdOf(rule, ctx.baseline);
    if (threshold === null || !compare(rule.op, value, threshold) || !confirmed(rule, threshold, ctx))
      continue;
    if (!best || priorityRank[rule.priority] > priorityRank[best.priority]) {
      best = { priority: rule.priority, message: describe(parameter, value, rule, ctx) };
    }
  }
  return best;
}

/**
 * Hysteresis: true when the value is at least the margin inside every limit, i.e. it meets none of
 * the limits moved by the margin towards normal (">= 165" with margin 5 becomes ">= 160").
 */
export function clearsWithMargin(
  parameter: LevelParameter,
  value: number,
  baseline: number | undefined,
  profile: ThresholdProfile,
): boolean {
  const margin = parameter === "moaas" ? profile.moaas.clearMargin : profile.vitals[parameter].clearMargin;
  for (const rule of rulesOf(parameter, profile)) {
    const threshold = thresholdOf(rule, baseline);
    if (threshold === null) continue;
    const shifted = rule.op === ">=" || rule.op === ">" ? threshold - margin : threshold + margin;
    if (compare(rule.op, value, shifted)) return false;
  }
  return true;
}

export function matchObservation(
  type: ObservationType,
  severity: Severity | null | undefined,
  profile: ThresholdProfile,
): LevelMatch | null {
  let best: AlertPriority | null = null;
  for (const rule of profile.observations) {
    if (rule.types && !rule.types.includes(type)) continue;
    if (rule.severities && (!severity || !rule.severities.includes(severity))) continue;
    if (!best || priorityRank[rule.priority] > priorityRank[best]) best = rule.priority;
  }
  if (!best) return null;
  const label = observationTypeLabels[type];
  const message = severity ? `${label} (${severity}) reported` : `${label} reported`;
  return { priority: best, message };
}
