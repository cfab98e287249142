import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectiveProfiles } from "../../server/alerts/effective-profiles.ts";
import { openAlertRows } from "../../server/alerts/repo.ts";
import type { AppContext } from "../../server/app-context.ts";
import { loadConfig } from "../../server/config.ts";
import type { DatabaseHandle } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { insertPatient } from "../../server/patients/repo.ts";
import { silentPublisher } from "../../server/realtime/publisher.ts";
import { findSession, lockSessions } from "../../server/sessions/repo.ts";
import { createSession } from "../../server/sessions/service.ts";
import { readBatch } from "../../server/vitals/batch-reads.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { User } from "../../shared/schemas/user.ts";
import { type TestDatabase, testDatabase } from "../support/test-database.ts";

let store: TestDatabase;
let node: DatabaseHandle;
let ctx: AppContext;
let nurse: User;

beforeAll(async () => {
  store = await testDatabase();
  node = await store.open();
  await migrateToLatest(node.db);
  ctx = {
    db: node.db,
    dbKind: node.kind,
    config: loadConfig({}),
    publisher: silentPublisher,
    now: () => new Date(),
  };
  ({ nurse } = await ensureDemoAccounts(ctx.db));
});
afterAll(async () => {
  await node.close();
  await store.drop();
});

async function open(chair: string): Promise<InfusionSession> {
  const patient = await insertPatient(
    ctx.db,
    { mrn: `READS-${crypto.randomUUID()}`, fullName: "Batch Reads", dateOfBirth: "1980-01-01", weightKg: 70 },
    ctx.now(),
  );
  return createSession(ctx, nurse, {
    patientId: patient.id,
    chair,
    weightKg: 70,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
  });
}

const record = (sessionId: string, values: { hr?: number; spo2?: number }, id = crypto.randomUUID()) =>
  recordVitals(ctx, nurse, sessionId, {
    id,
    observedAt: new Date().toISOString(),
    source: "manual",
    ...values,
  });

/** Polls a condition the database will reach (a backend queued on a lock), for at most 10 s. */
async function until(reached: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await reached())) {
    if (Date.now() > deadline) throw new Error("the condition was not reached within 10 s");
  }
}

describe("a batch's lock and reads", () => {
  it("locks the chairs' active sessions and those named by id, read as findSession reads them", async () => {
    const active = await open("reads-1");
    const elsewhere = await open("reads-2");
    const discharged = await open("reads-1");
    // Set straight in the table: a discharge's own path (scores, signature) is not what is tested here.
    await sql`update infusion_sessions set phase = 'discharged', discharged_at = now(), infusion_started_at = now()
      where id = ${discharged.id}`.execute(ctx.db);

    const locked = await ctx.db
      .transaction()
      .execute((trx) => lockSessions(trx, [discharged.id], ["reads-1"]));

    expect([...locked.keys()].sort()).toEqual([active.id, discharged.id].sort());
    expect(locked.get(active.id)).toEqual(await findSession(ctx.db, active.id));
    const dischargedNow = await findSession(ctx.db, discharged.id);
    expect(dischargedNow?.dischargedAt).not.toBeNull();
    expect(locked.get(discharged.id)).toEqual(dischargedNow);
    expect(locked.has(elsewhere.id)).toBe(false);
  });

  it("reads the stored readings and each locked session's engine meta and open alerts", async () => {
    const alerting = await open("reads-3");
    const quiet = await open("reads-4");
    const stored = crypto.randomUUID();
    expect((await record(alerting.id, { spo2: 86 }, stored)).alerts).toHaveLength(1);
    await record(quiet.id, { hr: 72 });

    const reads = await ctx.db.transaction().execute(async (trx) => {
      const locked = await lockSessions(trx, [alerting.id, quiet.id]);
      return readBatch(trx, [stored, crypto.randomUUID()], [...locked.keys()]);
    });

    expect(reads.storedIds).toEqual([stored]);
    expect(reads.openAlerts.get(alerting.id)).toEqual(await openAlertRows(ctx.db, alerting.id));
    expect(reads.openAlerts.get(alerting.id)).toHaveLength(1);
    expect(reads.openAlerts.get(quiet.id)).toEqual([]);
    const profiles = await effectiveProfiles(ctx.db, [alerting.id, quiet.id]);
    for (const id of [alerting.id, quiet.id]) {
      const state = await ctx.db
        .selectFrom("alert_engine_states")
        .select(["version", "as_of_seq", "profile_key", "next_due_at"])
        .where("session_id", "=", id)
        .executeTakeFirst();
      const meta = reads.metas.get(id)!;
      expect({
        version: meta.version,
        asOfSeq: meta.as_of_seq,
        snapshotProfile: meta.snapshot_profile_key,
        dueAt: meta.next_due_at === null ? null : new Date(meta.next_due_at).getTime(),
        profile: meta.profile_key ?? "default",
      }).toEqual({
        version: state?.version ?? null,
        asOfSeq: state?.as_of_seq ?? null,
        snapshotProfile: state?.profile_key ?? null,
        dueAt: state?.next_due_at ? state.next_due_at.getTime() : null,
        profile: profiles.get(id)!.key,
      });
    }
  });

  // Two connections to one database: PostgreSQL only (PGlite has one connection).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "sees what the batch that held a session's lock wrote before it let go",
    async () => {
      const session = await open("reads-5");
      const other = await store.open();
      try {
        const written = crypto.randomUUID();
        let release!: () => void;
        const holding = new Promise<void>((resolve) => {
          release = resolve;
        });
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const first = other.db.transaction().execute(async (trx) => {
          await lockSessions(trx, [session.id]);
          await sql`insert into vitals_readings (id, session_id, observed_at, recorded_at, source, hr, recorded_by)
            values (${written}, ${session.id}, now(), now(), 'manual', 70, ${nurse.id})`.execute(trx);
          locked();
          await holding;
        });
        await isLocked;
        const second = ctx.db.transaction().execute(async (trx) => {
          const sessions = await lockSessions(trx, [session.id]);
          return readBatch(trx, [written], [...sessions.keys()]);
        });
        // Once the second batch waits for the lock, the first commits its reading and lets go.
        await until(async () => {
          const { rows } = await sql<{ waiting: number }>`select count(*)::int as waiting
            from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
            ctx.db,
          );
          return rows[0]!.waiting > 0;
        });
        release();
        await first;
        expect((await second).storedIds).toEqual([written]);
      } finally {
        await other.close();
      }
    },
  );
});
