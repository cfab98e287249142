import { type Kysely, sql } from "kysely";

/**
 * The clinical alert engine: its per-session state (a pure reducer's JSON, with the time its next
 * timer falls due so a scheduler can find it), escalation and latching on alerts, and threshold
 * profiles as append-only versions (who, when, why; nothing is overwritten).
 */
const statements = [
  sql`alter table alerts add column escalated_at timestamptz`,
  sql`alter table alerts add column condition_present boolean not null default true`,
  sql`create table alert_engine_states (
    session_id uuid primary key references infusion_sessions(id),
    state jsonb not null,
    next_due_at timestamptz,
    updated_at timestamptz not null
  )`,
  sql`create index alert_engine_states_due on alert_engine_states (next_due_at) where next_due_at is not null`,
  sql`create table threshold_profile_versions (
    id uuid primary key,
    scope text not null check (scope in ('clinic', 'session')),
    session_id uuid references infusion_sessions(id),
    profile jsonb not null,
    reason text not null,
    changed_by uuid not null references users(id),
    changed_at timestamptz not null,
    check ((scope = 'clinic') = (session_id is null))
  )`,
  sql`create index threshold_profile_versions_current on threshold_profile_versions (scope, session_id, changed_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
