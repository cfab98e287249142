import { type Kysely, sql } from "kysely";

/**
 * Discharge readiness and amendments (issue 5). Everything is append-only: the nurse's checklist is a
 * new version per change, overrides and the readiness at signing are stored with the signature,
 * addenda are rows, and an entry entered in error keeps its row untouched while the amendment (reason,
 * who, when, the correcting entry) is a row beside it; one amendment per entry (primary key).
 */
const statements = [
  sql`alter table discharge_signatures add column readiness jsonb`,
  sql`create table discharge_overrides (
    session_id uuid not null references discharge_signatures(session_id),
    criterion_id text not null,
    criterion_label text not null,
    unmet_reason text not null,
    reason text not null,
    primary key (session_id, criterion_id)
  )`,
  sql`create table discharge_checklist_versions (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    items jsonb not null,
    recorded_by uuid not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index discharge_checklist_versions_current
    on discharge_checklist_versions (session_id, recorded_at desc)`,
  sql`create table session_addenda (
    id uuid primary key,
    session_id uuid not null references infusion_sessions(id),
    text text not null,
    author_id uuid not null references users(id),
    created_at timestamptz not null
  )`,
  sql`create index session_addenda_session on session_addenda (session_id, created_at)`,
  sql`create table reading_amendments (
    reading_id uuid primary key references vitals_readings(id),
    session_id uuid not null references infusion_sessions(id),
    reason text not null,
    amended_by uuid not null references users(id),
    amended_at timestamptz not null,
    correction_id uuid unique references vitals_readings(id),
    check (correction_id is null or correction_id <> reading_id)
  )`,
  sql`create index reading_amendments_session on reading_amendments (session_id)`,
  sql`create table observation_amendments (
    observation_id uuid primary key references observations(id),
    session_id uuid not null references infusion_sessions(id),
    reason text not null,
    amended_by uuid not null references users(id),
    amended_at timestamptz not null,
    correction_id uuid unique references observations(id),
    check (correction_id is null or correction_id <> observation_id)
  )`,
  sql`create index observation_amendments_session on observation_amendments (session_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
