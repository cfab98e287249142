import { type Kysely, sql } from "kysely";

/**
 * Audit sealing (server/audit/sealer.ts): a write inserts its audit rows with no lock, read or hash — seq
 * comes from a sequence — and a sealer chains committed rows moments later into append-only seal blocks.
 *
 * Rows written before this migration keep their per-row prev_hash/hash and are recorded as seal block 1,
 * so new seals chain on from the last stored hash. The check constraint refuses a hashed row above them:
 * a node still running the old code (it reads the last hash and inserts its own seq) fails its write
 * instead of forking the chain, until it is upgraded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No write may slip in between reading the legacy chain's end and recording it as block 1.
  await sql`lock table audit_log in exclusive mode`.execute(db);
  const { rows } = await sql<{ last_seq: string | null; last_hash: string | null }>`
    select seq::text as last_seq, hash as last_hash from audit_log order by seq desc limit 1`.execute(db);
  const lastSeq = rows[0]?.last_seq ?? null;

  await sql`create sequence audit_log_seq_seq as bigint owned by audit_log.seq`.execute(db);
  if (lastSeq !== null) await sql`select setval('audit_log_seq_seq', ${lastSeq}::bigint)`.execute(db);
  await sql`alter table audit_log
    alter column seq set default nextval('audit_log_seq_seq'),
    alter column prev_hash drop not null,
    alter column hash drop not null`.execute(db);
  await sql`alter table audit_log add constraint audit_log_hashed_rows_are_legacy
    check ((hash is null and prev_hash is null) or seq <= ${sql.lit(Number(lastSeq ?? 0))})`.execute(db);

  await sql`create table audit_seals (
    block bigint primary key,
    from_seq bigint not null unique,
    to_seq bigint not null unique,
    row_count integer not null,
    gaps jsonb not null default '[]',
    digests bytea,
    prev_hash text not null,
    hash text not null,
    sealed_at timestamptz not null default now(),
    check (from_seq <= to_seq and row_count between 1 and to_seq - from_seq + 1)
  )`.execute(db);
  await sql`create function audit_seals_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_seals is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db);
  await sql`create trigger audit_seals_no_update_delete before update or delete on audit_seals
    for each row execute function audit_seals_immutable()`.execute(db);
  await sql`create trigger audit_seals_no_truncate before truncate on audit_seals
    for each statement execute function audit_seals_immutable()`.execute(db);

  if (lastSeq !== null) {
    // Legacy rows verify by their own stored hashes (no digests); a gap among them shows as a missing row.
    await sql`insert into audit_seals (block, from_seq, to_seq, row_count, prev_hash, hash)
      values (1, 1, ${lastSeq}::bigint, ${lastSeq}::bigint, ${"0".repeat(64)}, ${rows[0]!.last_hash})`.execute(
      db,
    );
  }
}
