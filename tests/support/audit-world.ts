import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { type AuditEntry, appendAuditBatch } from "../../server/audit/log.ts";
import type { DatabaseHandle } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import type { Database } from "../../server/db/schema.ts";
import { testDatabase } from "./test-database.ts";

/** The audit log alone on a fresh database: PGlite, or PostgreSQL with TEST_DATABASE_URL (writers truly overlap). */

export const pgUrl = process.env.TEST_DATABASE_URL;
let handles: DatabaseHandle[] = [];
let drop: (() => Promise<void>) | undefined;
export let db: Kysely<Database>;
/** A second node on the same database (PostgreSQL only; on PGlite the same handle). */
export let otherNode: Kysely<Database>;

/** Call once at the top of a test file. */
export function setUpAuditWorld(): void {
  beforeAll(async () => {
    const store = await testDatabase();
    drop = store.drop;
    handles = [await store.open()];
    if (store.postgres) handles.push(await store.open());
    db = handles[0]!.db;
    otherNode = handles.at(-1)!.db;
    await migrateToLatest(db);
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    await drop?.();
  });
}

export const entry = (entityId: string): AuditEntry => ({
  actor: { id: null, name: "test" },
  action: "test.write",
  entity: "thing",
  entityId,
  after: { entityId, nested: { b: 1, a: [entityId] } },
  at: new Date(),
});

/** One committed transaction appending an entry per id, in order. */
export const write = (...ids: string[]) =>
  db.transaction().execute((trx) => appendAuditBatch(trx, ids.map(entry)));

/** The rows of these entity ids, in seq order. */
export async function rowsOf(ids: string[]) {
  const rows = await db
    .selectFrom("audit_log")
    .select([sql<string>`seq::text`.as("seq"), "entity_id"])
    .where("entity_id", "in", ids)
    .orderBy(sql`audit_log.seq`)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), id: r.entity_id }));
}

export const seals = () =>
  db
    .selectFrom("audit_seals")
    .select([
      sql<string>`block::text`.as("block"),
      sql<string>`from_seq::text`.as("from"),
      sql<string>`to_seq::text`.as("to"),
      "row_count",
      "gaps",
    ])
    .orderBy(sql`audit_seals.block`)
    .execute()
    .then((rows) =>
      rows.map((r) => ({ ...r, block: Number(r.block), from: Number(r.from), to: Number(r.to) })),
    );
