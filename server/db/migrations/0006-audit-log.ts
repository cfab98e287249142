import { type Kysely, sql } from "kysely";

/**
 * The audit trail (issue 5): one append-only row per write, chained by hash (server/audit/).
 *
 * Immutability is enforced in the database, on PGlite and PostgreSQL alike: the application connects as a
 * single role, so privileges cannot separate "may insert" from "may update"; instead a plpgsql trigger
 * raises on every UPDATE and DELETE of a row and a statement trigger on TRUNCATE. A superuser can still
 * disable or drop the trigger; the hash chain (npm run audit:verify) then exposes any row changed that way.
 */
const statements = [
  sql`create table audit_log (
    id uuid primary key default gen_random_uuid(),
    seq bigint not null unique,
    at timestamptz not null,
    actor_id uuid,
    actor_name text not null,
    action text not null,
    entity text not null,
    entity_id text,
    session_id uuid,
    before jsonb,
    after jsonb,
    prev_hash text not null,
    hash text not null
  )`,
  sql`create index audit_log_session on audit_log (session_id, seq)`,
  sql`create function audit_log_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`,
  sql`create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_immutable()`,
  sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_immutable()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
