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
  discharge_overrides: DischargeOverridesTable;
  discharge_checklist_versions: DischargeChecklistVersionsTable;
  session_addenda: SessionAddendaTable;
  reading_amendments: ReadingAmendmentsTable;
  observation_amendments: ObservationAmendmentsTable;
  api_keys: ApiKeysTable;
  patient_versions: PatientVersionsTable;
  treatment_courses: TreatmentCoursesTable;
  course_sessions: CourseSessionsTable;
  screening_records: ScreeningRecordsTable;
  clearances: ClearancesTable;
  outcome_scores: OutcomeScoresTable;
  audit_log: AuditLogTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  created_at: Generated<Date>;
  /** Migration 0007: failed logins in a row, and the end of a lockout once they reached the limit. */
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  /** Migration 0008: false once an admin deactivated the account (no login, no live session). */
  active: Generated<boolean>;
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
  /** Columns of migration 0005 (defaults fill them for inserts that predate it). */
  allergies: Generated<string>;
  contraindications: Generated<string>;
  version: Generated<number>;
  updated_at: Date;
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
  /** JSON of the discharge readiness at signing (null for signatures before migration 0004). */
  readiness?: unknown;
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

export interface ApiKeysTable {
  id: string;
  label: string;
  /** sha256 (hex) of the secret; the secret itself is never stored. */
  key_hash: string;
  scope: "ingest";
  /** The device actor (users.role = 'device') that records this key's readings. */
  device_user_id: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** Unmet discharge criteria the physician signed over, each with its written reason. */
export interface DischargeOverridesTable {
  session_id: string;
  criterion_id: string;
  criterion_label: string;
  unmet_reason: string;
  reason: string;
}

/** The nurse's discharge checklist: one row per change, never updated. */
export interface DischargeChecklistVersionsTable {
  id: string;
  session_id: string;
  /** JSON of the checklist items (shared/clinical/discharge/checklist.ts). */
  items: unknown;
  recorded_by: string;
  recorded_at: Date;
}

export interface SessionAddendaTable {
  id: string;
  session_id: string;
  text: string;
  author_id: string;
  created_at: Date;
}

/** A reading entered in error: the reading row stays as stored; this row says why, who, when, and what corrects it. */
export interface ReadingAmendmentsTable {
  reading_id: string;
  session_id: string;
  reason: string;
  amended_by: string;
  amended_at: Date;
  correction_id: string | null;
}

export interface ObservationAmendmentsTable {
  observation_id: string;
  session_id: string;
  reason: string;
  amended_by: string;
  amended_at: Date;
  correction_id: string | null;
}

/** Every version of a patient record (registration and each edit); rows are never updated. */
export interface PatientVersionsTable {
  patient_id: string;
  version: number;
  mrn: string;
  full_name: string;
  date_of_birth: string;
  weight_kg: number | null;
  allergies: string;
  contraindications: string;
  reason: string | null;
  changed_by: string | null;
  changed_at: Date;
}

export interface TreatmentCoursesTable {
  id: string;
  patient_id: string;
  kind: "induction" | "maintenance";
  planned_infusions: number | null;
  status: "active" | "closed";
  started_at: Date;
  started_by: string | null;
  reason: string | null;
  closed_at: Date | null;
}

/** A session's place in its course. */
export interface CourseSessionsTable {
  session_id: string;
  course_id: string;
  infusion_number: number;
}

export interface ScreeningRecordsTable {
  id: string;
  session_id: string;
  kind: "initial" | "follow_up";
  answers: unknown;
  medications: string;
  note: string;
  /** JSON of the blocking answers under the profile used (shared/clinical/screening). */
  blocking: unknown;
  profile: unknown;
  recorded_by: string;
  recorded_at: Date;
}

/** A physician's clearance of a blocking baseline BP or screening answer; append-only. */
export interface ClearancesTable {
  id: string;
  session_id: string;
  kind: "baseline_bp" | "screening";
  subject: string;
  /** JSON ClearanceScope (shared/clinical/screening/start-gate.ts). */
  scope: unknown;
  reason: string;
  cleared_by: string;
  cleared_at: Date;
}

export interface OutcomeScoresTable {
  id: string;
  patient_id: string;
  session_id: string;
  instrument: "phq9" | "madrs";
  items: unknown;
  total: number;
  respondent: "patient" | "clinician" | null;
  recorded_by: string;
  recorded_at: Date;
}

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); seq is the hash chain's order. */
export interface AuditLogTable {
  id: Generated<string>;
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  session_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}
