import { describe, expect, it } from "vitest";
import { listAlerts } from "../../server/alerts/repo.ts";
import { verifyChain } from "../../server/audit/log.ts";
import { sealAudit } from "../../server/audit/sealer.ts";
import { ingestVitals } from "../../server/ingest/service.ts";
import { configureReadingBatcher, defaultBatcherOptions } from "../../server/vitals/reading-batcher.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
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

describe("group commit of readings: duplicates and alert equivalence", () => {
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
    await sealAudit(ctx.db);
    expect(await verifyChain(ctx.db)).toMatchObject({ ok: true, unsealed: 0 });
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
