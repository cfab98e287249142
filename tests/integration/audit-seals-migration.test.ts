import { type Kysely, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genesisHash, rowHash } from "../../server/audit/chain.ts";
import { appendAuditBatch, verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import { sampleAuditFields } from "../../server/audit/test-support.ts";
import { type DatabaseHandle, openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { migrations } from "../../server/db/migrations/index.ts";
import type { Database } from "../../server/db/schema.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";

/** Migration 0009 on a database whose audit rows were hashed one by one, as before sealing. */

let handle: DatabaseHandle;
let drop: (() => Promise<void>) | undefined;
let db: Kysely<Database>;

beforeAll(async () => {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const fresh = pgUrl ? await freshPostgresDatabase(pgUrl) : null;
  drop = fresh?.drop;
  handle = await openDatabase(fresh ? { databaseUrl: fresh.url } : {});
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
  await drop?.();
});

/** What the appender before 0009 did: the next seq, linked to the last row's hash and hashed in JS. */
async function legacyAppend(seq: number, prevHash: string): Promise<string> {
  const fields = sampleAuditFields(seq);
  const hash = rowHash(prevHash, fields);
  await sql`insert into audit_log (seq, at, actor_name, action, entity, entity_id, after, prev_hash, hash)
    values (${seq}, ${fields.at}, ${fields.actorName}, ${fields.action}, ${fields.entity}, ${fields.entityId},
      ${JSON.stringify(fields.after)}::jsonb, ${prevHash}, ${hash})`.execute(db);
  return hash;
}

describe("migration 0009 (audit seals)", () => {
  it("records the hashed rows as seal block 1, chains new seals on, and still checks the old hashes", async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const upTo8 = await migrator.migrateTo("0008-user-active");
    expect(upTo8.error).toBeUndefined();
    let hash = genesisHash;
    for (let seq = 1; seq <= 5; seq++) hash = await legacyAppend(seq, hash);

    await migrateToLatest(db);
    const [block1] = await db.selectFrom("audit_seals").selectAll().execute();
    expect(block1).toMatchObject({ row_count: 5, digests: null, prev_hash: genesisHash, hash });
    expect([Number(block1!.block), Number(block1!.from_seq), Number(block1!.to_seq)]).toEqual([1, 1, 5]);
    expect(await verifyChain(db)).toEqual({ ok: true, rows: 5, seals: 1, sealedThrough: 5, unsealed: 0 });

    await db.transaction().execute((trx) =>
      appendAuditBatch(trx, [
        {
          actor: { id: null, name: "n" },
          action: "a",
          entity: "e",
          entityId: "6",
          after: { x: 1 },
          at: new Date(),
        },
        { actor: { id: null, name: "n" }, action: "a", entity: "e", entityId: "7", at: new Date() },
      ]),
    );
    expect(await sealAudit(db)).toEqual({ blocks: 1, rows: 2 });
    expect(await verifyChain(db)).toEqual({ ok: true, rows: 7, seals: 2, sealedThrough: 7, unsealed: 0 });
    const seqs = await sql<{
      seq: string;
    }>`select seq::text from audit_log where entity = 'e' order by 1`.execute(db);
    expect(seqs.rows.map((r) => r.seq)).toEqual(["6", "7"]);

    // A node still running the old appender fails its write instead of forking the chain.
    await expect(legacyAppend(8, hash)).rejects.toThrow(/audit_log_hashed_rows_are_legacy/);

    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db);
    await sql`update audit_log set actor_name = 'Someone else' where seq = 3`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: /hash/, rows: 7 });
  });
});
