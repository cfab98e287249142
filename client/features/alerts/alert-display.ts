import type { Alert, AlertParameter, AlertPriority } from "../../../shared/schemas/alert.ts";

export const parameterLabels: Record<AlertParameter, string> = {
  sbp: "Systolic BP",
  dbp: "Diastolic BP",
  hr: "Heart rate",
  spo2: "SpO2",
  rr: "Respiratory rate",
  moaas: "MOAA/S",
  observation: "Observation",
  overdue: "BP overdue",
  stale: "Monitor stream stale",
};

/** Priority is always shown as icon + text + colour, never colour alone. */
export const priorityDisplay: Record<AlertPriority | "ok", { icon: string; text: string }> = {
  high: { icon: "▲", text: "HIGH" },
  medium: { icon: "●", text: "MEDIUM" },
  low: { icon: "◆", text: "LOW" },
  ok: { icon: "✓", text: "OK" },
};

/** Escalated (pushed to every physician) and still waiting for someone to acknowledge it. */
export function isEscalated(alert: Alert): boolean {
  return alert.status === "open" && alert.escalatedAt !== null && alert.acknowledgedAt === null;
}

/** A latched alert: its condition cleared, but it stays open until acknowledged. */
export function isLatched(alert: Alert): boolean {
  return alert.status === "open" && !alert.conditionPresent;
}
