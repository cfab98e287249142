import type { AlertParameter, AlertPriority } from "../../schemas/alert.ts";
import type { ObservationType, Severity } from "../../schemas/observation.ts";
import type { Phase } from "../../schemas/session.ts";
import type { ReadingSource, VitalParameter } from "../../schemas/vitals.ts";

/** Every time in the engine is epoch milliseconds (integers); the engine never reads a clock. */
export type Millis = number;

export type VitalValues = Partial<Record<VitalParameter, number>>;

export type EngineInput =
  | { kind: "phase"; t: Millis; phase: Phase }
  | ({ kind: "vitals"; t: Millis; source: ReadingSource } & VitalValues)
  | {
      kind: "observation";
      t: Millis;
      type: ObservationType;
      severity?: Severity | null;
      moaas?: number | null;
    }
  | { kind: "ack"; t: Millis; parameter: AlertParameter; by?: string }
  | { kind: "tick"; t: Millis };

export const alertEventKinds = ["raised", "upgraded", "escalated", "cleared"] as const;
export type AlertEventKind = (typeof alertEventKinds)[number];

export interface AlertEvent {
  /** When it happened: the input's time, or the exact time a timer fell due. */
  t: Millis;
  event: AlertEventKind;
  parameter: AlertParameter;
  /** The alert's priority after the event (for "cleared": the priority it had). */
  priority: AlertPriority;
  message: string;
  value: number | null;
  /** An "upgraded" event that re-signals an open observation alert for a new alerting observation. */
  resignal?: true;
}

export interface StepResult<S> {
  state: S;
  events: AlertEvent[];
}
