import { describe, expect, it } from "vitest";
import { storedEngineState } from "../../server/alerts/engine-store.ts";
import { verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import { ingestVitals } from "../../server/ingest/service.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import {
  ctx,
  newSession,
  nurse,
  probe,
  published,
  reading,
  setUpGroupCommitWorld,
  statusOf,
} from "../support/group-commit-world.ts";

setUpGroupCommitWorld();

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
    await sealAudit(ctx.db);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("keeps each session's readings in order when a big queue is shared out among concurrent batches", async () => {
    const sessions = await Promise.all(Array.from({ length: 20 }, (_, i) => newSession(`gc-split-${i}`)));
    await Promise.all(sessions.map((id) => recordVitals(ctx, nurse, id!, reading())));
    published.length = 0;
    // 240 at once: on PostgreSQL (4 batches in flight) the queue is split, each session wholly in one batch.
    const inputs = Array.from({ length: 240 }, (_, i) => ({
      sessionId: sessions[i % 20]!,
      input: reading(),
    }));
    const results = await Promise.all(inputs.map((r) => recordVitals(ctx, nurse, r.sessionId, r.input)));
    expect(results.every((r) => r.created)).toBe(true);
    for (const sessionId of sessions) {
      const mine = published.filter((p) => p.sessionId === sessionId);
      const ids = mine.flatMap((p) => (p.change.type === "vitals:recorded" ? [p.change.reading.id] : []));
      const sent = inputs.filter((r) => r.sessionId === sessionId);
      expect(ids).toEqual(sent.map((r) => r.input.id));
      const seqs = mine.map((p) => p.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      // Every session's engine state (its snapshot and the readings since, in seq order) ends with its last reading.
      const state = await storedEngineState(ctx.db, sessionId);
      expect(state?.lastBpAt).toBe(Date.parse(sent.at(-1)!.input.observedAt));
    }
    await sealAudit(ctx.db);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("lets readings that arrive while a batch is written wait and share the next batch", async () => {
    const sessions = await Promise.all(["gc-wait-1", "gc-wait-2", "gc-wait-3"].map(newSession));
    const first = recordVitals(ctx, nurse, sessions[0]!, reading());
    let firstAnswered = false;
    void first.then(() => {
      firstAnswered = true;
    });
    const later: Promise<unknown>[] = [];
    const lockedWhileFirstPending: boolean[] = [];
    // Two readings arrive while the first batch writes, then a third: on PostgreSQL a free connection
    // would let each start its own batch at once; they wait for the first to finish and go together.
    probe.onNextReadingInsert = () => {
      later.push(recordVitals(ctx, nurse, sessions[1]!, reading()));
      later.push(recordVitals(ctx, nurse, sessions[2]!, reading()));
      setImmediate(() => later.push(recordVitals(ctx, nurse, sessions[1]!, reading())));
      probe.onNextSessionLock = () => lockedWhileFirstPending.push(!firstAnswered);
    };
    const before = probe.auditInserts;
    await first;
    expect(later).toHaveLength(3);
    await Promise.all(later);
    expect(lockedWhileFirstPending).toEqual([false]);
    expect(probe.auditInserts - before).toBe(2);
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
    await sealAudit(ctx.db);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
