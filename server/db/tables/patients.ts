import type { Generated } from "kysely";

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
