import type { LevelParameter } from "../../../../shared/clinical/engine/levels.ts";
import type { ComparisonOp, LevelRule } from "../../../../shared/clinical/engine/profile.ts";
import type { AlertPriority } from "../../../../shared/schemas/alert.ts";
import type { Phase } from "../../../../shared/schemas/session.ts";
import { phaseLabels } from "../../../../shared/schemas/session.ts";
import { vitalBounds } from "../../../../shared/schemas/vitals.ts";

/** Readable wording of a threshold profile's parts. */

export const opSymbols: Record<ComparisonOp, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

export const priorityLabels: Record<AlertPriority, string> = { high: "High", medium: "Medium", low: "Low" };

export function unitOf(parameter: LevelParameter): string {
  return parameter === "moaas" ? "" : vitalBounds[parameter].unit;
}

const withUnit = (value: number, unit: string) =>
  unit === "" ? `${value}` : unit === "%" || unit.startsWith("/") ? `${value}${unit}` : `${value} ${unit}`;

/** "≥ 200 mmHg" or "≥ baseline + 40 mmHg". */
export function conditionText(parameter: LevelParameter, rule: LevelRule): string {
  const unit = unitOf(parameter);
  if (rule.basis === "baseline") {
    const sign = rule.value < 0 ? "−" : "+";
    return `${opSymbols[rule.op]} baseline ${sign} ${withUnit(Math.abs(rule.value), unit)}`;
  }
  return `${opSymbols[rule.op]} ${withUnit(rule.value, unit)}`;
}

export function confirmationText(rule: LevelRule): string {
  return rule.confirm ? `Previous reading within ${rule.confirm.withinMinutes} min also meets it` : "At once";
}

export function marginText(parameter: LevelParameter, margin: number): string {
  return withUnit(margin, unitOf(parameter));
}

export function phasesText(phases: readonly Phase[]): string {
  return phases.length === 0 ? "none" : phases.map((p) => phaseLabels[p]).join(", ");
}

/** "90 s" or "5 min". */
export function secondsText(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
