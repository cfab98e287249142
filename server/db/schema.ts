import type { ApiKeysTable, AuthSessionsTable, UsersTable } from "./tables/accounts.ts";
import type { AlertEngineStatesTable, AlertsTable, ThresholdProfileVersionsTable } from "./tables/alerts.ts";
import type { AuditLogTable, AuditSealsTable } from "./tables/audit.ts";
import type {
  DischargeChecklistVersionsTable,
  DischargeOverridesTable,
  DischargeSignaturesTable,
} from "./tables/discharge.ts";
import type {
  ClearancesTable,
  CourseSessionsTable,
  OutcomeScoresTable,
  PatientsTable,
  PatientVersionsTable,
  ScreeningRecordsTable,
  TreatmentCoursesTable,
} from "./tables/patients.ts";
import type {
  InfusionSessionsTable,
  ObservationAmendmentsTable,
  ObservationsTable,
  PhaseChangesTable,
  ReadingAmendmentsTable,
  SessionAddendaTable,
  VitalsReadingsTable,
} from "./tables/sessions.ts";

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
  audit_seals: AuditSealsTable;
}
