import type { Generated } from "kysely";
import type { AlertParameter, AlertPriority, AlertStatus } from "../../shared/schemas/alert.ts";
import type { ObservationType, Severity } from "../../shared/schemas/observation.ts";
import type { Phase } from "../../shared/schemas/session.ts";
import type { Role } from "../../shared/schemas/user.ts";
import type { ReadingSource } from "../../shared/schemas/vitals.ts";

/** Row types of the SQL tables, as Kysely sees them. Domain shapes live in shared/schemas. */
export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  patients: PatientsTable;
  infusion_sessions: InfusionSessionsTable;
  phase_changes: PhaseChangesTable;
  vitals_readings: VitalsReadingsTable;
  observations: ObservationsTable;
  alerts: AlertsTable;
  discharge_signatures: DischargeSignaturesTable;
  alert_engine_states: AlertEngineStatesTable;
  threshold_profile_versions: ThresholdProfileVersionsTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: Generated<Date>;
}

export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface PatientsTable {
  id: string;
  mrn: string;
  full_name: string;
  date_of_birth: string;
  weight_kg: number | null;
  created_at: Date;
}

export interface InfusionSessionsTable {
  id: string;
  patient_id: string;
  chair: string;
  weight_kg: number;
  dose_mg_per_kg: number;
  total_dose_mg: number;
  planned_duration_min: number;
  phase: Phase;
  created_by: string;
  created_at: Date;
  phase_changed_at: Date;
  infusion_started_at: Date | null;
  infusion_stopped_at: Date | null;
  discharged_at: Date | null;
  seq: Generated<number>;
}

export interface PhaseChangesTable {
  id: string;
  session_id: string;
  from_phase: Phase;
  to_phase: Phase;
  changed_by: string;
  changed_at: Date;
}

export interface VitalsReadingsTable {
  id: string;
  session_id: string;
  observed_at: Date;
  recorded_at: Date;
  source: ReadingSource;
  sbp: number | null;
  dbp: number | null;
  map: number | null;
  hr: number | null;
  spo2: number | null;
  rr: number | null;
  recorded_by: string;
}

export interface ObservationsTable {
  id: string;
  session_id: string;
  observed_at: Date;
  recorded_at: Date;
  type: ObservationType;
  severity: Severity | null;
  moaas: number | null;
  note: string | null;
  recorded_by: string;
}

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

export interface DischargeSignaturesTable {
  session_id: string;
  signed_by: string;
  signed_at: Date;
  meaning: string;
  note: string | null;
}

export interface AlertEngineStatesTable {
  session_id: string;
  /** JSON of the engine's per-session state (shared/clinical/engine). */
  state: unknown;
  next_due_at: Date | null;
  updated_at: Date;
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
