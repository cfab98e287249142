import fs from "node:fs";
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  ValuesNode,
} from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAlerts } from "../../server/alerts/repo.ts";
import type { AppContext } from "../../server/app-context.ts";
import { verifyChain } from "../../server/audit/log.ts";
import { loadConfig } from "../../server/config.ts";
import { type DatabaseHandle, openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import type { HttpError } from "../../server/http/errors.ts";
import { ingestVitals } from "../../server/ingest/service.ts";
import { insertPatient } from "../../server/patients/repo.ts";
import type { SessionChange } from "../../server/realtime/publisher.ts";
import { createSession } from "../../server/sessions/service.ts";
import { configureReadingBatcher, defaultBatcherOptions } from "../../server/vitals/reading-batcher.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";

/** Counts batches (one audit insert each) and can make the next multi-row reading insert fail once. */
class BatchProbe implements KyselyPlugin {
  auditInserts = 0;
  readingInserts = 0;
  failNextMultiRowReadingInsert = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === "InsertQueryNode") {
      const table = node.into?.table.identifier.name;
      const rows = node.values && ValuesNode.is(node.values) ? node.values.values.length : 0;
      if (table === "audit_log") this.auditInserts++;
      if (table === "vitals_readings") this.readingInserts++;
      if (table === "vitals_readings" && rows > 1 && this.failNextMultiRowReadingInsert) {
        this.failNextMultiRowReadingInsert = false;
        throw new Error("injected batch failure");
      }
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

let handle: DatabaseHandle;
let drop: (() => Promise<void>) | undefined;
let ctx: AppContext;
let nurse: User;
const probe = new BatchProbe();
const published: { sessionId: string; seq: number; change: SessionChange }[] = [];

beforeAll(async () => {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const fresh = pgUrl ? await freshPostgresDatabase(pgUrl) : null;
  drop = fresh?.drop;
  handle = fresh
    ? await openDatabase({ databaseUrl: fresh.url })
    : await openDatabase({ loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) });
  await migrateToLatest(handle.db);
  ({ nurse } = await ensureDemoAccounts(handle.db));
  ctx = {
    db: handle.db.withPlugin(probe),
    dbKind: handle.kind,
    config: loadConfig({}),
    publisher: {
      sessionChanged: (sessionId, seq, change) => published.push({ sessionId, seq, change }),
      stationChanged: () => {},
      loginsEnded: () => {},
    },
    now: () => new Date(),
  };
});

afterAll(async () => {
  await handle?.close();
  await drop?.();
});

async function newSession(chair: string): Promise<string> {
  const mrn = `GC-${crypto.randomUUID().slice(0, 8)}`;
  const patient = await insertPatient(
    ctx.db,
    { mrn, fullName: "Batch Patient", dateOfBirth: "1980-05-01", weightKg: 70 },
    new Date(),
  );
  const session = await createSession(ctx, nurse, {
    patientId: patient.id,
    chair,
    weightKg: 70,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
  });
  return session.id;
}

const reading = <S extends "manual" | "monitor" = "manual">(
  values: { source?: S; [k: string]: unknown } = {},
) => ({
  id: crypto.randomUUID() as string,
  observedAt: new Date().toISOString(),
  source: (values.source ?? "manual") as S,
  sbp: 124,
  dbp: 78,
  hr: 72,
  spo2: 98,
  rr: 14,
  ...values,
});

const statusOf = (result: PromiseSettledResult<unknown>) =>
  result.status === "rejected" ? (result.reason as HttpError).status : 200;

describe("group commit of readings", () => {
  it("commits concurrent readings to several sessions in one transaction, seqs gapless per session", async () => {
    const sessions = await Promise.all(["gc-1", "gc-2", "gc-3"].map(newSession));
    const before = probe.auditInserts;
    published.length = 0;
    // Every tenth reading is out of range: alerts are raised and upgraded inside the batch too.
    const inputs = Array.from({ length: 30 }, (_, i) => ({
      sessionId: sessions[i % 3]!,
      input: reading(i % 10 === 9 ? { sbp: 190, dbp: 100 } : {}),
    }));
    const results = await Promise.all(inputs.map((r) => recordVitals(ctx, nurse, r.sessionId, r.input)));
    expect(probe.auditInserts - before).toBe(1);
    expect(results.every((r) => r.created)).toBe(true);
    expect(results.some((r) => r.alerts.length > 0)).toBe(true);
    for (const sessionId of sessions) {
      const seqs = published.filter((p) => p.sessionId === sessionId).map((p) => p.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const row = await ctx.db
        .selectFrom("infusion_sessions")
        .select("seq")
        .where("id", "=", sessionId)
        .executeTakeFirstOrThrow();
      expect(row.seq).toBe(seqs.length);
      const stored = await ctx.db
        .selectFrom("alerts")
        .select("parameter")
        .where("session_id", "=", sessionId)
        .where("status", "=", "open")
        .execute();
      expect(new Set(stored.map((a) => a.parameter)).size).toBe(stored.length);
    }
    // Readings are published in the order they were submitted, per session.
    const readingIds = published.flatMap((p) =>
      p.change.type === "vitals:recorded" ? [p.change.reading.id] : [],
    );
    expect(readingIds).toEqual(inputs.map((r) => r.input.id));
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true });
  });

  it("fails only the job that is refused, answering it with its own error", async () => {
    const [open, closed] = await Promise.all([newSession("gc-4"), newSession("gc-5")]);
    await ctx.db
      .updateTable("infusion_sessions")
      .set({ phase: "discharged" })
      .where("id", "=", closed!)
      .execute();
    const before = probe.auditInserts;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const results = await Promise.allSettled([
      recordVitals(ctx, nurse, open!, reading()),
      recordVitals(ctx, nurse, closed!, reading()),
      recordVitals(ctx, nurse, crypto.randomUUID(), reading()),
      recordVitals(ctx, nurse, "not-a-session-id", reading()),
      recordVitals(ctx, nurse, open!, reading({ observedAt: future })),
      recordVitals(ctx, nurse, open!, reading()),
    ]);
    expect(results.map(statusOf)).toEqual([200, 409, 404, 404, 400, 200]);
    expect(probe.auditInserts - before).toBe(1);
    const count = await ctx.db
      .selectFrom("vitals_readings")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("session_id", "in", [open!, closed!])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it("stores a reading id sent twice in one batch once, and refuses it for another session", async () => {
    const [a, b] = await Promise.all([newSession("gc-6"), newSession("gc-7")]);
    const input = reading();
    const before = { audit: probe.auditInserts, readings: probe.readingInserts };
    const results = await Promise.allSettled([
      recordVitals(ctx, nurse, a!, input),
      recordVitals(ctx, nurse, a!, input),
      recordVitals(ctx, nurse, b!, input),
    ]);
    expect(results.map(statusOf)).toEqual([200, 200, 409]);
    // Decided inside the batch (one insert statement), not by a failed batch retried job by job.
    expect(probe.auditInserts - before.audit).toBe(1);
    expect(probe.readingInserts - before.readings).toBe(1);
    const [first, again] = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(first?.created).toBe(true);
    expect(again).toMatchObject({ created: false, reading: { id: input.id, sessionId: a } });
    const rows = await ctx.db.selectFrom("vitals_readings").select("id").where("id", "=", input.id).execute();
    expect(rows).toHaveLength(1);
    const retry = await recordVitals(ctx, nurse, a!, input);
    expect(retry).toMatchObject({ created: false, reading: { id: input.id } });
  });

  it("resolves chairs inside the batch: one session, none, or several", async () => {
    const device = nurse;
    await newSession("gc-8");
    await Promise.all([newSession("gc-9"), newSession("gc-9")]);
    const monitor = () => reading({ source: "monitor" as const });
    const results = await Promise.allSettled([
      ingestVitals(ctx, device, "gc-8", monitor()),
      ingestVitals(ctx, device, "gc-empty", monitor()),
      ingestVitals(ctx, device, "gc-9", monitor()),
    ]);
    expect(results.map(statusOf)).toEqual([200, 404, 409]);
  });

  it("retries each job alone when the batch transaction fails, so all still commit once", async () => {
    const sessionId = await newSession("gc-10");
    probe.failNextMultiRowReadingInsert = true;
    const inputs = Array.from({ length: 5 }, () => reading());
    const results = await Promise.all(inputs.map((input) => recordVitals(ctx, nurse, sessionId, input)));
    expect(probe.failNextMultiRowReadingInsert).toBe(false);
    expect(results.every((r) => r.created)).toBe(true);
    const rows = await ctx.db
      .selectFrom("vitals_readings")
      .select("id")
      .where("session_id", "=", sessionId)
      .execute();
    expect(rows).toHaveLength(5);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true });
  });

  it("answers every caller of one reading id sent at once by session and by chair, storing it once", async () => {
    const chair = "gc-11";
    const sessionId = await newSession(chair);
    const fire = (input: ReturnType<typeof reading<"monitor">>) =>
      Promise.allSettled([
        ...Array.from({ length: 5 }, () => recordVitals(ctx, nurse, sessionId, input)),
        ...Array.from({ length: 5 }, () => ingestVitals(ctx, nurse, chair, input)),
      ]);
    const inOneBatch = reading({ source: "monitor" as const });
    const oneTransactionEach = reading({ source: "monitor" as const });
    const waves = [await fire(inOneBatch)];
    // One job per transaction: every caller after the first reads the stored row inside its own transaction.
    configureReadingBatcher(ctx.db, { ...defaultBatcherOptions(ctx.dbKind), maxBatch: 1 });
    try {
      waves.push(await fire(oneTransactionEach));
    } finally {
      configureReadingBatcher(ctx.db, defaultBatcherOptions(ctx.dbKind));
    }
    waves.push(await fire(inOneBatch)); // retries only, in one batch
    for (const [w, wave] of waves.entries()) {
      expect(wave.map(statusOf)).toEqual(Array(10).fill(200));
      const answers = wave.map((r) => (r as PromiseFulfilledResult<RecordVitalsResponse>).value);
      expect(answers.filter((a) => a.created)).toHaveLength(w < 2 ? 1 : 0);
      const id = w === 1 ? oneTransactionEach.id : inOneBatch.id;
      expect(answers.every((a) => a.reading.id === id && a.reading.sessionId === sessionId)).toBe(true);
    }
    const rows = await ctx.db
      .selectFrom("vitals_readings")
      .select("id")
      .where("session_id", "=", sessionId)
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual([inOneBatch.id, oneTransactionEach.id].sort());
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true });
  });

  it("treats a reading id sent in upper case as the same reading", async () => {
    const sessionId = await newSession("gc-12");
    const input = reading();
    const first = await recordVitals(ctx, nurse, sessionId, { ...input, id: input.id.toUpperCase() });
    const again = await recordVitals(ctx, nurse, sessionId, input);
    expect(first).toMatchObject({ created: true, reading: { id: input.id } });
    expect(again).toMatchObject({ created: false, reading: { id: input.id } });
  });

  it("raises, latches and re-raises alerts in one batch exactly as one reading at a time would", async () => {
    const [batched, alone] = await Promise.all(["gc-13", "gc-14"].map(newSession));
    const start = Date.now() - 60_000;
    const systolic = [190, 120, 195, 118, 200, 121, 119, 185, 119, 118, 117];
    const readings = systolic.map((sbp, i) =>
      reading({ sbp, dbp: sbp > 150 ? 100 : 78, observedAt: new Date(start + i * 5_000).toISOString() }),
    );
    const alertsOf = (sessionId: string) =>
      published.flatMap((p) =>
        p.sessionId === sessionId && p.change.type === "alert:changed"
          ? [{ change: p.change.change, ...p.change.alert, id: undefined, sessionId: undefined }]
          : [],
      );
    published.length = 0;
    const before = probe.auditInserts;
    await Promise.all(readings.map((r) => recordVitals(ctx, nurse, batched!, r)));
    expect(probe.auditInserts - before).toBe(1); // one batch, not retried reading by reading
    for (const r of readings) await recordVitals(ctx, nurse, alone!, { ...r, id: crypto.randomUUID() });
    const kinds = alertsOf(batched!).map((a) => a.change);
    expect(kinds).toEqual(expect.arrayContaining(["raised", "latched", "upgraded", "cleared"]));
    expect(alertsOf(batched!)).toEqual(alertsOf(alone!));
    // What was published last for each alert is what is stored.
    const last = new Map<string, unknown>();
    for (const p of published) {
      if (p.sessionId === batched && p.change.type === "alert:changed")
        last.set(p.change.alert.id, p.change.alert);
    }
    const stored = await listAlerts(ctx.db, batched!);
    expect(new Map(stored.map((a) => [a.id, a]))).toEqual(last);
  });
});
