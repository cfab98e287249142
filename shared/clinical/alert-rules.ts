import type { AlertParameter, AlertPriority } from "../schemas/alert.ts";
import { priorityRank } from "../schemas/alert.ts";
import type { ObservationType, Severity } from "../schemas/observation.ts";
import { observationTypeLabels } from "../schemas/observation.ts";
import type { VitalParameter } from "../schemas/vitals.ts";
import { vitalBounds } from "../schemas/vitals.ts";

/**
 * First rule set: absolute limits of the default profile "IV ketamine 0.5 mg/kg over 40 min".
 * Pure: no clock, no I/O. The full engine (confirmation, baseline, persistence, hysteresis, timers)
 * builds on these levels.
 */
export interface Limit {
  op: ">=" | "<" | "<=";
  value: number;
  priority: AlertPriority;
}

export const absoluteLimits: Record<VitalParameter | "moaas", Limit[]> = {
  sbp: [
    { op: ">=", value: 200, priority: "high" },
    { op: "<", value: 80, priority: "high" },
    { op: ">=", value: 165, priority: "medium" },
    { op: "<", value: 90, priority: "medium" },
  ],
  dbp: [
    { op: ">=", value: 120, priority: "high" },
    { op: ">=", value: 100, priority: "medium" },
  ],
  hr: [
    { op: ">=", value: 140, priority: "high" },
    { op: "<", value: 40, priority: "high" },
    { op: ">=", value: 120, priority: "medium" },
    { op: "<", value: 50, priority: "medium" },
  ],
  spo2: [
    { op: "<", value: 88, priority: "high" },
    { op: "<", value: 92, priority: "medium" },
  ],
  rr: [
    { op: "<", value: 8, priority: "high" },
    { op: "<", value: 10, priority: "medium" },
    { op: ">=", value: 30, priority: "medium" },
  ],
  moaas: [
    { op: "<=", value: 2, priority: "high" },
    { op: "<=", value: 3, priority: "medium" },
  ],
};

const criticalObservations: readonly ObservationType[] = ["seizure", "chest_pain", "loss_of_consciousness"];

export interface Level {
  priority: AlertPriority;
  message: string;
}

function meets(limit: Limit, value: number): boolean {
  if (limit.op === ">=") return value >= limit.value;
  if (limit.op === "<") return value < limit.value;
  return value <= limit.value;
}

const labels: Record<VitalParameter | "moaas", { label: string; unit: string }> = {
  ...vitalBounds,
  moaas: { label: "MOAA/S", unit: "" },
};

/** The highest level a value meets, or null when it meets none. */
export function levelForValue(parameter: VitalParameter | "moaas", value: number): Level | null {
  let best: Limit | undefined;
  for (const limit of absoluteLimits[parameter]) {
    if (meets(limit, value) && (!best || priorityRank[limit.priority] > priorityRank[best.priority])) {
      best = limit;
    }
  }
  if (!best) return null;
  const { label, unit } = labels[parameter];
  const shown = unit ? `${value} ${unit}` : `${value}`;
  return { priority: best.priority, message: `${label} ${shown} (limit ${best.op} ${best.value})` };
}

export function levelForObservation(type: ObservationType, severity: Severity | null): Level | null {
  const label = observationTypeLabels[type];
  if (criticalObservations.includes(type)) return { priority: "high", message: `${label} reported` };
  if (severity === "severe") return { priority: "medium", message: `Severe ${label.toLowerCase()}` };
  return null;
}

export interface OpenAlertState {
  id: string;
  parameter: AlertParameter;
  priority: AlertPriority;
  message?: string;
}

export interface Finding {
  parameter: AlertParameter;
  value: number | null;
  level: Level | null;
}

export type AlertDecision =
  | {
      kind: "raise";
      parameter: AlertParameter;
      priority: AlertPriority;
      message: string;
      value: number | null;
    }
  | { kind: "upgrade"; alertId: string; priority: AlertPriority; message: string; value: number | null }
  | { kind: "clear"; alertId: string };

/**
 * One open alert per session and parameter: raise when none is open, upgrade when the new level is
 * higher, clear when a value meets no level. Observation alerts never clear by themselves, and a new
 * alerting observation is never swallowed by an open one: it re-signals that alert with both events.
 */
export function decideAlerts(findings: Finding[], open: OpenAlertState[]): AlertDecision[] {
  const decisions: AlertDecision[] = [];
  for (const { parameter, value, level } of findings) {
    const current = open.find((a) => a.parameter === parameter);
    if (level && current && parameter === "observation") {
      const higher =
        priorityRank[level.priority] > priorityRank[current.priority] ? level.priority : current.priority;
      const message = current.message ? `${level.message}; earlier: ${current.message}` : level.message;
      decisions.push({ kind: "upgrade", alertId: current.id, value, priority: higher, message });
    } else if (level && !current) {
      decisions.push({ kind: "raise", parameter, value, ...level });
    } else if (level && current && priorityRank[level.priority] > priorityRank[current.priority]) {
      decisions.push({ kind: "upgrade", alertId: current.id, value, ...level });
    } else if (!level && current && parameter !== "observation") {
      decisions.push({ kind: "clear", alertId: current.id });
    }
  }
  return decisions;
}

/** Findings for one vitals reading: one per parameter present. */
export function findingsForVitals(values: Partial<Record<VitalParameter, number | null>>): Finding[] {
  const findings: Finding[] = [];
  for (const parameter of Object.keys(vitalBounds) as VitalParameter[]) {
    const value = values[parameter];
    if (value === undefined || value === null) continue;
    findings.push({ parameter, value, level: levelForValue(parameter, value) });
  }
  return findings;
}

export function findingsForObservation(
  type: ObservationType,
  severity: Severity | null,
  moaas: number | null,
): Finding[] {
  if (type === "sedation" && moaas !== null) {
    return [{ parameter: "moaas", value: moaas, level: levelForValue("moaas", moaas) }];
  }
  const level = levelForObservation(type, severity);
  return level ? [{ parameter: "observation", value: null, level }] : [];
}
