import type { Generated } from "kysely";
import type { AlertParameter, AlertPriority, AlertStatus } from "../../../shared/schemas/alert.ts";

export interface AlertsTable {
  id: string;
  session_id: string;
  parameter: AlertParameter;
  priority: AlertPriority;
  status: AlertStatus;
  message: string;
  value: number | null;
  raised_at: Date;
  created_at: Date;
  updated_at: Date;
  cleared_at: Date | null;
  escalated_at: Date | null;
  condition_present: boolean;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
}

export interface AlertEngineStatesTable {
  session_id: string;
  /** JSON of the engine's per-session state (shared/clinical/engine). */
  state: unknown;
  next_due_at: Date | null;
  updated_at: Date;
  /** The session seq of the last reading the state includes: later readings are replayed onto it. */
  as_of_seq: Generated<number>;
  /** Bumped by every write of the state. */
  version: Generated<number>;
  /** The threshold profile the readings after as_of_seq were stepped under (profileKey); null: unknown. */
  profile_key: string | null;
}

export interface ThresholdProfileVersionsTable {
  id: string;
  scope: "clinic" | "session";
  session_id: string | null;
  profile: unknown;
  reason: string;
  changed_by: string;
  changed_at: Date;
}
