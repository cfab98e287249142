import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../server/app-context.ts";
import { loadConfig } from "../../server/config.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { insertPatient } from "../../server/patients/repo.ts";
import { silentPublisher } from "../../server/realtime/publisher.ts";
import { findSession } from "../../server/sessions/repo.ts";
import { createSession } from "../../server/sessions/service.ts";
import { lockBatch } from "../../server/vitals/batch-lock.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { User } from "../../shared/schemas/user.ts";
import { databaseForFile } from "../support/test-database.ts";

const database = databaseForFile({ migrate: true });

describe("a batch's lock", () => {
  let ctx: AppContext;
  let nurse: User;
  const open = async (chair: string): Promise<InfusionSession> => {
    const patient = await insertPatient(
      ctx.db,
      {
        mrn: `LOCK-${chair}-${crypto.randomUUID()}`,
        fullName: "Lock Test",
        dateOfBirth: "1980-01-01",
        weightKg: 70,
      },
      ctx.now(),
    );
    return createSession(ctx, nurse, {
      patientId: patient.id,
      chair,
      weightKg: 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
  };

  beforeAll(async () => {
    ctx = {
      db: database().db,
      dbKind: database().kind,
      config: loadConfig({}),
      publisher: silentPublisher,
      now: () => new Date(),
    };
    ({ nurse } = await ensureDemoAccounts(ctx.db));
  });

  it("locks the chairs' active sessions and those named by id, read as findSession reads them", async () => {
    const active = await open("lock-1");
    const elsewhere = await open("lock-2");
    const discharged = await open("lock-1");
    // Set straight in the table: a discharge's own path (scores, signature) is not what is tested here.
    await sql`update infusion_sessions set phase = 'discharged', discharged_at = now(), infusion_started_at = now()
      where id = ${discharged.id}`.execute(ctx.db);
    const stored = crypto.randomUUID();
    await recordVitals(ctx, nurse, active.id, {
      id: stored,
      observedAt: new Date().toISOString(),
      source: "manual",
      hr: 72,
    });

    const lock = await ctx.db
      .transaction()
      .execute((trx) =>
        lockBatch(
          trx,
          [discharged.id.toUpperCase(), discharged.id],
          ["lock-1"],
          [stored, crypto.randomUUID()],
        ),
      );

    expect([...lock.sessions.keys()].sort()).toEqual([active.id, discharged.id].sort());
    expect(lock.sessions.get(active.id)).toEqual(await findSession(ctx.db, active.id));
    const dischargedNow = await findSession(ctx.db, discharged.id);
    expect(dischargedNow?.dischargedAt).not.toBeNull();
    expect(lock.sessions.get(discharged.id)).toEqual(dischargedNow);
    expect(lock.sessions.has(elsewhere.id)).toBe(false);
    expect(lock.storedIds).toEqual([stored]);
  });

  it("locks nothing and finds nothing for an empty batch", async () => {
    const lock = await ctx.db.transaction().execute((trx) => lockBatch(trx, [], [], []));
    expect(lock.sessions.size).toBe(0);
    expect(lock.storedIds).toEqual([]);
  });
});
