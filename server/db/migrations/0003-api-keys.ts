import { type Kysely, sql } from "kysely";

/**
 * Device ingest: API keys scoped to ingest (only the sha256 of the secret is stored), each with its own
 * device actor (a users row with role `device` and no usable password) that records its readings.
 */
const statements = [
  sql`alter table users drop constraint users_role_check`,
  sql`alter table users add constraint users_role_check
    check (role in ('nurse', 'physician', 'admin', 'device'))`,
  sql`create table api_keys (
    id uuid primary key,
    label text not null,
    key_hash text not null unique,
    scope text not null check (scope in ('ingest')),
    device_user_id uuid not null unique references users(id),
    created_by uuid not null references users(id),
    created_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by uuid references users(id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
