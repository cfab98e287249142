import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type VitalParameter, vitalBounds, vitalParameters } from "../../shared/schemas/vitals.ts";
import { runs } from "../support/arbitraries.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import { fuzzTally } from "../support/fuzz-summary.ts";
import { freshSession } from "../support/fuzz-world.ts";
import { jsonRequest, type RawResponse } from "../support/raw-request.ts";

/**
 * Physiologically impossible values (outside the hard bounds, systolic not above diastolic) are refused
 * with a message naming the limit and change nothing; plausible extremes inside the bounds are stored
 * and raise an alert. The expected messages are written out here, not read from the schema.
 */
const tally = fuzzTally("fuzz-vitals");

const fuzz = fuzzServer({ world: true, beforeClose: () => tally.write() });

const boundMessage: Record<VitalParameter, string> = {
  sbp: "must be an integer between 20 and 300",
  dbp: "must be an integer between 10 and 250",
  hr: "must be an integer between 20 and 300",
  spo2: "must be an integer between 40 and 100",
  rr: "must be an integer between 0 and 80",
};

const reading = (values: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  observedAt: new Date().toISOString(),
  ...values,
});

/** A valid companion for the parameter under test, so only that parameter is wrong. */
const companion = (p: VitalParameter) => (p === "sbp" ? { dbp: 15 } : p === "dbp" ? { sbp: 280 } : {});

async function refused(path: string, body: unknown, via = fuzz.callers.nurse): Promise<RawResponse> {
  const before = await dbFingerprint(fuzz.server.server.ctx.db);
  const res = await jsonRequest(fuzz.server.url, "post", path, via, body);
  expect(res.status, res.text).toBe(400);
  expect(await dbFingerprint(fuzz.server.server.ctx.db)).toEqual(before);
  return res;
}

const outOfBounds = (p: VitalParameter) => {
  const { min, max } = vitalBounds[p];
  return fc.oneof(
    fc.integer({ min: -100_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: 100_000 }),
    fc.double({ min, max, noNaN: true }).filter((v) => !Number.isInteger(v)),
    fc.constantFrom("120", null, true, [80], { value: 80 }),
  );
};

describe("impossible vitals are refused with the limit named", () => {
  it.each(vitalParameters)("%s outside its hard bounds", async (p) => {
    await fc.assert(
      fc.asyncProperty(outOfBounds(p), fc.boolean(), async (value, viaDevice) => {
        tally.add("out of bounds");
        const path = viaDevice
          ? `/api/ingest/chairs/${fuzz.world.chair}/vitals`
          : `/api/sessions/${fuzz.world.sessionId}/vitals`;
        const body = reading({ ...companion(p), [p]: value });
        const res = await refused(path, body, viaDevice ? fuzz.callers.device : fuzz.callers.nurse);
        expect(res.json.error.issues).toContainEqual({ path: p, message: boundMessage[p] });
        expect(res.json.error.message).toContain(`${p} ${boundMessage[p]}`);
      }),
      runs(12),
    );
  });

  it("systolic at or below diastolic", async () => {
    const pair = fc
      .tuple(fc.integer({ min: 20, max: 250 }), fc.integer({ min: 10, max: 250 }))
      .filter(([sbp, dbp]) => sbp <= dbp);
    await fc.assert(
      fc.asyncProperty(pair, async ([sbp, dbp]) => {
        tally.add("sbp <= dbp");
        const res = await refused(`/api/sessions/${fuzz.world.sessionId}/vitals`, reading({ sbp, dbp }));
        expect(res.json.error.issues).toEqual([{ path: "sbp", message: "systolic must be above diastolic" }]);
      }),
      runs(15),
    );
  });
});

/** Values inside the hard bounds that the default clinic profile ranks high priority. */
const extremes: Record<VitalParameter, fc.Arbitrary<Record<string, number>>> = {
  sbp: fc.integer({ min: 200, max: 300 }).map((sbp) => ({ sbp, dbp: 90 })),
  dbp: fc.integer({ min: 120, max: 249 }).map((dbp) => ({ sbp: Math.min(300, dbp + 30), dbp })),
  hr: fc.oneof(fc.integer({ min: 20, max: 39 }), fc.integer({ min: 140, max: 300 })).map((hr) => ({ hr })),
  spo2: fc.integer({ min: 40, max: 87 }).map((spo2) => ({ spo2 })),
  rr: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 30, max: 80 })).map((rr) => ({ rr })),
};

describe("plausible extremes are stored and alert", () => {
  it.each(vitalParameters)("%s at an extreme inside the bounds", async (p) => {
    await fc.assert(
      fc.asyncProperty(extremes[p], async (values) => {
        tally.add("plausible extremes");
        // A fresh session each time: an alert already open for the parameter would not be raised again.
        const fresh = await freshSession(fuzz.server.url, fuzz.callers.nurse);
        const res = await jsonRequest(
          fuzz.server.url,
          "post",
          `/api/sessions/${fresh.session.id}/vitals`,
          fuzz.callers.nurse,
          reading(values),
        );
        expect(res.status, res.text).toBe(201);
        expect(res.json.reading).toMatchObject(values);
        const alerted = res.json.alerts.map((a: { parameter: string }) => a.parameter);
        expect(alerted, JSON.stringify(values)).toContain(p);
      }),
      runs(4),
    );
  });
});
