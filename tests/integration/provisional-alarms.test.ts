import { describe, expect, it } from "vitest";
import { ingestVitals } from "../../server/ingest/service.ts";
import { recordVitals } from "../../server/vitals/service.ts";
import {
  ctx,
  newSession,
  nurse,
  provisional,
  published,
  reading,
  setUpGroupCommitWorld,
} from "../support/group-commit-world.ts";

setUpGroupCommitWorld();

const storedReading = (id: string) =>
  ctx.db.selectFrom("vitals_readings").select("id").where("id", "=", id).executeTakeFirst();

describe("provisional alarms", () => {
  it("are published as a crossing reading arrives, before it commits, and settled after its alert", async () => {
    const sessionId = await newSession("prov-1");
    await recordVitals(ctx, nurse, sessionId, reading());
    provisional.length = 0;
    published.length = 0;
    const crossing = reading({ sbp: 205, dbp: 80 });
    const pending = recordVitals(ctx, nurse, sessionId, crossing);
    // Published synchronously on arrival: the batch has not even started.
    expect(provisional).toEqual([
      {
        kind: "alarm",
        published: 0,
        alarm: expect.objectContaining({
          sessionId,
          chair: "prov-1",
          readingId: crossing.id,
          event: "raised",
          parameter: "sbp",
          priority: "high",
          value: 205,
        }),
      },
    ]);
    expect(await storedReading(crossing.id)).toBeUndefined();
    const response = await pending;
    expect(response.alerts.map((a) => a.parameter)).toEqual(["sbp"]);
    // The committed alert went out first; then the provisional alarm was settled as recorded.
    const alertAt = published.findIndex((p) => p.change.type === "alert:changed");
    expect(alertAt).toBeGreaterThanOrEqual(0);
    expect(provisional[1]).toEqual({
      kind: "settled",
      sessionId,
      readingId: crossing.id,
      recorded: true,
      published: published.length,
    });
    expect(provisional[1]!.published).toBeGreaterThan(alertAt);
  });

  it("settle as not recorded when the reading is refused, and none come from an in-range reading", async () => {
    const sessionId = await newSession("prov-2");
    await recordVitals(ctx, nurse, sessionId, reading());
    provisional.length = 0;
    await recordVitals(ctx, nurse, sessionId, reading({ hr: 75 }));
    expect(provisional).toEqual([]);
    // A crossing reading dated an hour ahead: refused by the batch (implausible clinical time).
    const future = reading({ sbp: 210, dbp: 80, observedAt: new Date(Date.now() + 3_600_000).toISOString() });
    await expect(recordVitals(ctx, nurse, sessionId, future)).rejects.toMatchObject({ status: 400 });
    expect(provisional.map((p) => p.kind)).toEqual(["alarm", "settled"]);
    expect(provisional[1]).toMatchObject({ readingId: future.id, recorded: false });
    expect(await storedReading(future.id)).toBeUndefined();
  });

  it("come from readings addressed to a chair too (device gateway)", async () => {
    const sessionId = await newSession("prov-3");
    await ingestVitals(ctx, nurse, "prov-3", reading({ source: "monitor" }));
    provisional.length = 0;
    const high = reading({ source: "monitor", sbp: 204, dbp: 80 });
    await ingestVitals(ctx, nurse, "prov-3", high);
    expect(provisional[0]).toMatchObject({ kind: "alarm", alarm: { sessionId, parameter: "sbp" } });
    expect(provisional.at(-1)).toMatchObject({ kind: "settled", readingId: high.id, recorded: true });
  });
});
