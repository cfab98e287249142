import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { recordVitalsRequestSchema, vitalBounds, vitalParameters } from "./vitals.ts";

const id = "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c";
const observedAt = "2026-11-22T19:00:00.000Z";
const base = { id, observedAt };

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("recordVitalsRequestSchema accepts", () => {
  it.each([
    ["a full set", { ...base, sbp: 120, dbp: 80, hr: 70, spo2: 98, rr: 14 }],
    ["blood pressure alone", { ...base, sbp: 120, dbp: 80 }],
    ["heart rate alone", { ...base, hr: 70 }],
    ["SpO2 alone", { ...base, spo2: 95 }],
    ["respiratory rate 0 (apnoea is a real reading)", { ...base, rr: 0 }],
    ["the lowest bounds", { ...base, sbp: 21, dbp: 10, hr: 20, spo2: 40, rr: 0 }],
    ["the highest bounds", { ...base, sbp: 300, dbp: 250, hr: 300, spo2: 100, rr: 80 }],
    ["a monitor source", { ...base, hr: 70, source: "monitor" }],
    ["an instant with an offset", { ...base, observedAt: "2026-11-22T20:00:00+01:00", hr: 70 }],
  ])("%s", (_, input) => {
    expect(issuesOf(recordVitalsRequestSchema, input)).toEqual([]);
  });

  it("defaults the source to manual", () => {
    expect(recordVitalsRequestSchema.parse({ ...base, hr: 70 }).source).toBe("manual");
  });
});

describe("recordVitalsRequestSchema refuses a value outside the physiological bounds", () => {
  const cases = vitalParameters.flatMap((p) => {
    const { min, max } = vitalBounds[p];
    const message = `must be an integer between ${min} and ${max}`;
    // Give a valid partner for sbp/dbp so only the bound is wrong.
    const partner = p === "sbp" ? { dbp: 10 } : p === "dbp" ? { sbp: 300 } : {};
    return [
      [p, min - 1, partner, message],
      [p, max + 1, partner, message],
      [p, min + 0.5, partner, message],
      [p, String(min + 1), partner, message],
      [p, null, partner, message],
    ] as const;
  });

  it.each(cases)("%s = %j", (p, value, partner, message) => {
    const issues = issuesOf(recordVitalsRequestSchema, { ...base, ...partner, [p]: value });
    expect(issues).toContainEqual({ path: [p], message });
  });

  it("names sbp 301 with its bounds", () => {
    expect(issuesOf(recordVitalsRequestSchema, { ...base, sbp: 301, dbp: 80 })).toEqual([
      { path: ["sbp"], message: "must be an integer between 20 and 300" },
    ]);
  });
});

describe("recordVitalsRequestSchema cross-field rules", () => {
  it.each([
    ["systolic equal to diastolic", { sbp: 80, dbp: 80 }, ["sbp"], "systolic must be above diastolic"],
    ["systolic below diastolic", { sbp: 70, dbp: 90 }, ["sbp"], "systolic must be above diastolic"],
    ["systolic without diastolic", { sbp: 120 }, ["dbp"], "systolic and diastolic must be entered together"],
    ["diastolic without systolic", { dbp: 80 }, ["sbp"], "systolic and diastolic must be entered together"],
    ["no vital sign at all", {}, ["sbp"], "enter at least one vital sign"],
  ])("refuses %s", (_, values, path, message) => {
    expect(issuesOf(recordVitalsRequestSchema, { ...base, ...values })).toEqual([{ path, message }]);
  });

  it("accepts systolic one above diastolic", () => {
    expect(issuesOf(recordVitalsRequestSchema, { ...base, sbp: 81, dbp: 80 })).toEqual([]);
  });
});

describe("recordVitalsRequestSchema identity and shape", () => {
  it.each([
    ["id", { id: "not-a-uuid" }, "must be a UUID"],
    ["id", { id: undefined }, "must be a UUID"],
    ["observedAt", { observedAt: "yesterday" }, "must be an ISO 8601 date-time"],
    ["observedAt", { observedAt: "2026-11-22T19:00:00" }, "must be an ISO 8601 date-time"],
    ["observedAt", { observedAt: undefined }, "must be an ISO 8601 date-time"],
  ])("refuses a bad %s (%j)", (field, override, message) => {
    expect(issuesOf(recordVitalsRequestSchema, { ...base, hr: 70, ...override })).toContainEqual({
      path: [field],
      message,
    });
  });

  it("refuses an unknown source with an issue on source", () => {
    const issues = issuesOf(recordVitalsRequestSchema, { ...base, hr: 70, source: "fax" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(["source"]);
    expect(issues[0]?.message).toMatch(/manual.*monitor/);
  });

  it.each(["map", "temperature", "sessionId"])("refuses the unknown field %s", (key) => {
    const result = recordVitalsRequestSchema.safeParse({ ...base, hr: 70, [key]: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "unrecognized_keys",
        keys: [key],
        message: expect.stringContaining(key),
      }),
    ]);
  });

  it.each([null, [], "hr=70", 42])("refuses a non-object body %j", (input) => {
    expect(recordVitalsRequestSchema.safeParse(input).success).toBe(false);
  });
});
