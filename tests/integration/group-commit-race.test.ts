import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../../server/app-context.ts";
import { loadConfig } from "../../server/config.ts";
import type { DatabaseHandle } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { insertPatient } from "../../server/patients/repo.ts";
import { silentPublisher } from "../../server/realtime/publisher.ts";
import { createSession } from "../../server/sessions/service.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import type { User } from "../../shared/schemas/user.ts";
import { reading } from "../support/group-commit-world.ts";
import { type TestDatabase, testDatabase } from "../support/test-database.ts";

// Two nodes need two connections to one database: PostgreSQL only (PGlite has one connection).
describe.skipIf(!process.env.TEST_DATABASE_URL)("one reading id in two batches at once (two nodes)", () => {
  let store: TestDatabase;
  const nodes: DatabaseHandle[] = [];
  let nurse: User;
  const contextOf = (node: DatabaseHandle): AppContext => ({
    db: node.db,
    dbKind: node.kind,
    config: loadConfig({}),
    publisher: silentPublisher,
    now: () => new Date(),
  });

  beforeAll(async () => {
    store = await testDatabase();
    nodes.push(await store.open());
    await migrateToLatest(nodes[0]!.db);
    ({ nurse } = await ensureDemoAccounts(nodes[0]!.db));
    nodes.push(await store.open());
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await store?.drop();
  });

  it("a batch that waits for the session's lock finds the reading the other node stored meanwhile: answered as a replay, stored once", async () => {
    const [a, b] = nodes as [DatabaseHandle, DatabaseHandle];
    const patient = await insertPatient(
      a.db,
      {
        mrn: `RACE-${crypto.randomUUID().slice(0, 8)}`,
        fullName: "Race Patient",
        dateOfBirth: "1980-05-01",
        weightKg: 70,
      },
      new Date(),
    );
    const session = await createSession(contextOf(a), nurse, {
      patientId: patient.id,
      chair: "race-1",
      weightKg: 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
    const retried = reading();
    const fresh = reading();
    let onB: Promise<PromiseSettledResult<Awaited<ReturnType<typeof recordVitals>>>[]> | undefined;
    // Node A's batch: it holds the session's lock while node B's batch (the same reading again, and
    // another) starts and waits for it, then stores the reading and commits.
    await a.db.transaction().execute(async (trx) => {
      await sql`select id from infusion_sessions where id = ${session.id} for update`.execute(trx);
      onB = Promise.allSettled([
        recordVitals(contextOf(b), nurse, session.id, retried),
        recordVitals(contextOf(b), nurse, session.id, fresh),
      ]);
      await vi.waitFor(
        async () => {
          const { rows } = await sql<{ waiting: number }>`
            select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(a.db);
          expect(rows[0]!.waiting).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      await trx
        .insertInto("vitals_readings")
        .values({
          id: retried.id,
          session_id: session.id,
          observed_at: new Date(retried.observedAt),
          recorded_at: new Date(),
          source: "manual",
          sbp: retried.sbp,
          dbp: retried.dbp,
          map: null,
          hr: retried.hr,
          spo2: retried.spo2,
          rr: retried.rr,
          recorded_by: nurse.id,
          session_seq: null,
        })
        .execute();
      // Commits here, with node B's batch still waiting for the lock.
    });
    const [first, second] = (await onB)!;
    expect(first).toMatchObject({
      status: "fulfilled",
      value: { created: false, reading: { id: retried.id } },
    });
    expect(second).toMatchObject({
      status: "fulfilled",
      value: { created: true, reading: { id: fresh.id } },
    });
    const stored = await a.db
      .selectFrom("vitals_readings")
      .select("id")
      .where("session_id", "=", session.id)
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual([retried.id, fresh.id].sort());
  });
});
