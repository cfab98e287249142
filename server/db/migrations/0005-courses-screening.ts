import { type Kysely, sql } from "kysely";

/**
 * Patients, treatment courses and pre-infusion screening (issue 8).
 *
 * - Patient records gain allergies, contraindication history and a version number. Every version of a
 *   record (registration and each edit) is a row of patient_versions, never updated: the patients row is
 *   the current version, patient_versions the history. Existing patients get their version 1.
 * - A treatment course (induction or maintenance) per patient; at most one active. Sessions join a
 *   course with their infusion number (unique per course). Existing sessions are put, in order, into one
 *   induction course per patient.
 * - Screening checklists, physician clearances and outcome scores (PHQ-9, MADRS) are append-only rows.
 */
const statements = [
  sql`alter table patients add column allergies text not null default ''`,
  sql`alter table patients add column contraindications text not null default ''`,
  sql`alter table patients add column version integer not null default 1`,
  sql`alter table patients add column updated_at timestamptz`,
  sql`update patients set updated_at = created_at`,
  sql`alter table patients alter column updated_at set not null`,
  sql`create table patient_versions (
    patient_id uuid not null references patients(id),
    version integer not null,
    mrn text not null,
    full_name text not null,
    date_of_birth date not null,
    weight_kg double precision,
    allergies text not null,
    contraindications text not null,
    reason text,
    changed_by uuid references users(id),
    changed_at timestamptz not null,
    primary key (patient_id, version)
  )`,
  sql`insert into patient_versions
    (patient_id, version, mrn, full_name, date_of_birth, weight_kg, allergies, contraindications, reason, changed_by, changed_at)
    select id, 1, mrn, full_name, date_of_birth, weight_kg, '', '', null, null, created_at from patients`,
  sql`create table treatment_courses (
    id uuid primary key,
    patient_id uuid not null references patients(id),
    kind text not null check (kind in ('induction', 'maintenance')),
    planned_infusions integer,
    status text not null check (status in ('active', 'closed')),
    started_at timestamptz not null,
    started_by uuid references users(id),
    reason text,
    closed_at timestamptz
  )`,
  sql`create unique index treatment_courses_one_active on treatment_courses (patient_id) where status = 'active'`,
  sql`create index treatment_courses_patient on treatment_courses (patient_id, started_at)`,
  sql`create table course_sessions (
    session_id uuid primary key references infusion_sessions(id),
    course_id uuid not null references treatment_courses(id),
    infusion_number integer not null check (infusion_number >= 1),
    unique (course_id, infusion_number)
  )`,
  sql`insert into treatment_courses (id, patient_id, kind, planned_infusions, status, started_at)
    select gen_random_uuid(), patient_id, 'induction', 6, 'active', min(created_at)
    from infusion_sessions group by patient_id`,
  sql`insert into course_sessions (session_id, course_id, infusion_number)
    select s.id, c.id, row_number() over (partition by s.patient_id order by s.created_at, s.id)
    from infusion_sessions s join treatment_courses c on c.patient_id = s.patient_id`,
  sql`create table screening_records (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    kind text not null check (kind in ('initial', 'follow_up')),
    answers jsonb not null,
    medications text not null,
    note text not null,
    blocking jsonb not null,
    profile jsonb not null,
    recorded_by uuid not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index screening_records_session on screening_records (session_id, recorded_at)`,
  sql`create table clearances (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    kind text not null check (kind in ('baseline_bp', 'screening')),
    subject text not null,
    scope jsonb not null,
    reason text not null,
    cleared_by uuid not null references users(id),
    cleared_at timestamptz not null
  )`,
  sql`create index clearances_session on clearances (session_id, cleared_at)`,
  sql`create table outcome_scores (
    id uuid primary key,
    patient_id uuid not null references patients(id),
    session_id uuid not null references infusion_sessions(id),
    instrument text not null check (instrument in ('phq9', 'madrs')),
    items jsonb,
    total integer not null,
    respondent text check (respondent in ('patient', 'clinician')),
    recorded_by uuid not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index outcome_scores_patient on outcome_scores (patient_id, recorded_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
