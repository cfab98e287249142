import { type Kysely, sql } from "kysely";

/** The walking skeleton's tables. Timestamps are timestamptz; clinical time and recorded time are kept apart. */
const statements = [
  sql`create table users (
    id uuid primary key,
    username text not null unique,
    display_name text not null,
    role text not null check (role in ('nurse', 'physician', 'admin')),
    password_hash text not null,
    created_at timestamptz not null default now()
  )`,
  sql`create table auth_sessions (
    token_hash text primary key,
    user_id uuid not null references users(id),
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  sql`create table patients (
    id uuid primary key,
    mrn text not null unique,
    full_name text not null,
    date_of_birth date not null,
    weight_kg double precision,
    created_at timestamptz not null
  )`,
  sql`create index patients_full_name on patients (lower(full_name))`,
  sql`create table infusion_sessions (
    id uuid primary key,
    patient_id uuid not null references patients(id),
    chair text not null,
    weight_kg double precision not null,
    dose_mg_per_kg double precision not null,
    total_dose_mg double precision not null,
    planned_duration_min integer not null,
    phase text not null check (phase in ('pre_infusion', 'infusing', 'recovery', 'discharged')),
    created_by uuid not null references users(id),
    created_at timestamptz not null,
    phase_changed_at timestamptz not null,
    infusion_started_at timestamptz,
    infusion_stopped_at timestamptz,
    discharged_at timestamptz,
    seq integer not null default 0
  )`,
  sql`create index infusion_sessions_active on infusion_sessions (phase) where phase <> 'discharged'`,
  sql`create index infusion_sessions_patient on infusion_sessions (patient_id, created_at)`,
  sql`create table phase_changes (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    from_phase text not null,
    to_phase text not null,
    changed_by uuid not null references users(id),
    changed_at timestamptz not null
  )`,
  sql`create table vitals_readings (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    observed_at timestamptz not null,
    recorded_at timestamptz not null,
    source text not null check (source in ('manual', 'monitor')),
    sbp integer, dbp integer, map integer, hr integer, spo2 integer, rr integer,
    recorded_by uuid not null references users(id),
    check (sbp is null or dbp is null or sbp > dbp)
  )`,
  sql`create index vitals_readings_session_time on vitals_readings (session_id, observed_at)`,
  sql`create table observations (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    observed_at timestamptz not null,
    recorded_at timestamptz not null,
    type text not null,
    severity text check (severity in ('mild', 'moderate', 'severe')),
    moaas integer check (moaas between 0 and 5),
    note text,
    recorded_by uuid not null references users(id)
  )`,
  sql`create index observations_session_time on observations (session_id, observed_at)`,
  sql`create table alerts (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    parameter text not null,
    priority text not null check (priority in ('high', 'medium', 'low')),
    status text not null check (status in ('open', 'cleared')),
    message text not null,
    value double precision,
    raised_at timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    cleared_at timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by uuid references users(id),
    acknowledgement_note text
  )`,
  // One open alert per session and parameter, enforced by the database, not only by the code.
  sql`create unique index alerts_one_open on alerts (session_id, parameter) where status = 'open'`,
  sql`create index alerts_session on alerts (session_id, raised_at)`,
  sql`create table discharge_signatures (
    session_id uuid primary key references infusion_sessions(id),
    signed_by uuid not null references users(id),
    signed_at timestamptz not null,
    meaning text not null,
    note text
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
