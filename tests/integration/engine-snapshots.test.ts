import { describe, expect, it } from "vitest";
import { storedEngineState } from "../../server/alerts/engine-store.ts";
import type { AppContext } from "../../server/app-context.ts";
import { changePhase } from "../../server/sessions/service.ts";
import { engineCache } from "../../server/vitals/engine-cache.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import {
  BatchProbe,
  ctx,
  newSession,
  nurse,
  reading,
  setUpGroupCommitWorld,
} from "../support/group-commit-world.ts";

setUpGroupCommitWorld();

const snapshotOf = (sessionId: string) =>
  ctx.db
    .selectFrom("alert_engine_states")
    .select(["version", "as_of_seq", "profile_key"])
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();

/** Another server process on the same database: its own Kysely instance, so its own batcher and engine cache. */
const otherNode = (): AppContext => ({ ...ctx, db: ctx.db.withPlugin(new BatchProbe()) });

/** Monitor readings one after the other, each a millisecond of clinical time after the last. */
async function stream(node: AppContext, sessionId: string, values: Record<string, number>[]) {
  const results = [];
  for (const v of values) {
    results.push(await recordVitals(node, nurse, sessionId, reading({ source: "monitor", ...v })));
  }
  return results;
}

describe("alert engine snapshots", () => {
  it("writes the state only when it must, and a cold load replays the readings since to the same state", async () => {
    const sessionId = await newSession("snap-1");
    await stream(ctx, sessionId, [{}]);
    const first = await snapshotOf(sessionId);
    await stream(
      ctx,
      sessionId,
      Array.from({ length: 10 }, (_, i) => ({ hr: 70 + i })),
    );
    const quiet = await snapshotOf(sessionId);
    // Ten readings that change no alert and bring no timer forward: the snapshot was not rewritten.
    expect(quiet).toEqual(first);
    const warm = engineCache(ctx.db).get(sessionId)!.state;
    expect(await storedEngineState(ctx.db, sessionId)).toEqual(warm);

    const [crossing] = await stream(ctx, sessionId, [{ sbp: 205, dbp: 80 }]);
    expect(crossing!.alerts.map((a) => a.parameter)).toContain("sbp");
    const written = await snapshotOf(sessionId);
    const session = await ctx.db
      .selectFrom("infusion_sessions")
      .select("seq")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    // An alert change writes a snapshot that includes every reading so far.
    expect(written.version).toBe(first.version + 1);
    expect(written.as_of_seq).toBe(session.seq);
    expect(await storedEngineState(ctx.db, sessionId)).toEqual(engineCache(ctx.db).get(sessionId)!.state);
  });

  it("fixes the baseline from readings streamed through two nodes, none written as a snapshot", async () => {
    const sessionId = await newSession("snap-2");
    const a = ctx;
    const b = otherNode();
    // Pre-infusion: the baseline is the mean of the last three. Each node sees every other reading only.
    const values = [130, 130, 130, 100, 100, 100].map((sbp) => ({ sbp, dbp: 70 }));
    for (const [i, v] of values.entries()) await stream(i % 2 === 0 ? a : b, sessionId, [v]);
    await changePhase(b, nurse, sessionId, "infusing");
    const state = await storedEngineState(ctx.db, sessionId);
    expect(state?.baseline.sbp).toBe(100);
    // SBP 150 is baseline + 50: a medium alert on either node, whichever saw the older readings.
    const [onA] = await stream(a, sessionId, [{ sbp: 150, dbp: 70 }]);
    expect(onA!.alerts).toEqual([expect.objectContaining({ parameter: "sbp", priority: "medium" })]);
  });

  it("a node whose copy is stale (another node wrote since) steps the current state, not its copy", async () => {
    const sessionId = await newSession("snap-3");
    const a = ctx;
    const b = otherNode();
    await stream(a, sessionId, [{ sbp: 120, dbp: 70 }]);
    // B raises and clears an alert: it writes snapshots, so A's copy is stale.
    await stream(b, sessionId, [{ sbp: 205, dbp: 80 }]);
    // A reading on A that would raise the alert a second time had A stepped its stale copy.
    await stream(a, sessionId, [{ sbp: 206, dbp: 80 }]);
    const alerts = await ctx.db
      .selectFrom("alerts")
      .select(["parameter", "status"])
      .where("session_id", "=", sessionId)
      .execute();
    // One SBP alert, raised once, whichever node stepped which reading.
    expect(alerts.filter((r) => r.parameter === "sbp")).toHaveLength(1);
    expect(await storedEngineState(ctx.db, sessionId)).toEqual(engineCache(a.db).get(sessionId)!.state);
  });
});
