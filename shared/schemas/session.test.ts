import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createSessionRequestSchema,
  phaseChangeRequestSchema,
  phases,
  sessionListQuerySchema,
} from "./session.ts";

const patientId = "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c";
const valid = { patientId, chair: "Chair 3", weightKg: 70, doseMgPerKg: 0.5, plannedDurationMin: 40 };

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("createSessionRequestSchema", () => {
  it.each([
    ["the usual protocol", {}],
    ["the lowest weight", { weightKg: 20 }],
    ["the highest weight", { weightKg: 350 }],
    ["a fractional weight", { weightKg: 72.3 }],
    ["a tiny dose", { doseMgPerKg: 0.01 }],
    ["the highest dose", { doseMgPerKg: 2 }],
    ["the shortest duration", { plannedDurationMin: 10 }],
    ["the longest duration", { plannedDurationMin: 240 }],
  ])("accepts %s", (_, override) => {
    expect(issuesOf(createSessionRequestSchema, { ...valid, ...override })).toEqual([]);
  });

  it("trims the chair", () => {
    expect(createSessionRequestSchema.parse({ ...valid, chair: "  Chair 3 " }).chair).toBe("Chair 3");
  });

  it.each([
    ["patientId", "nope", "must be a UUID"],
    ["chair", "", "must not be empty"],
    ["chair", "   ", "must not be empty"],
    ["chair", "x".repeat(21), "must be at most 20 characters"],
    ["chair", 3, "must be text"],
    ["weightKg", 19.9, "must be between 20 and 350 kg"],
    ["weightKg", 350.1, "must be between 20 and 350 kg"],
    ["weightKg", "70", "must be a number"],
    ["doseMgPerKg", 0, "must be above 0 mg/kg"],
    ["doseMgPerKg", -0.5, "must be above 0 mg/kg"],
    ["doseMgPerKg", 2.01, "must be at most 2 mg/kg (sub-anaesthetic protocols)"],
    ["plannedDurationMin", 9, "must be between 10 and 240 minutes"],
    ["plannedDurationMin", 241, "must be between 10 and 240 minutes"],
    ["plannedDurationMin", 40.5, "must be whole minutes"],
    ["plannedDurationMin", undefined, "must be a number"],
  ])("refuses %s = %j", (field, value, message) => {
    expect(issuesOf(createSessionRequestSchema, { ...valid, [field]: value })).toEqual([
      { path: [field], message },
    ]);
  });

  it("refuses an unknown field (the total dose is computed by the server)", () => {
    const result = createSessionRequestSchema.safeParse({ ...valid, totalDoseMg: 35 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["totalDoseMg"] }),
    ]);
  });
});

describe("phaseChangeRequestSchema", () => {
  it.each(phases)("accepts to = %s (the phase machine decides what is allowed)", (to) => {
    expect(issuesOf(phaseChangeRequestSchema, { to })).toEqual([]);
  });

  it.each([["finished"], [undefined], [1]])("refuses to = %j", (to) => {
    expect(issuesOf(phaseChangeRequestSchema, { to }).map((i) => i.path)).toEqual([["to"]]);
  });

  it("refuses an unknown field", () => {
    expect(phaseChangeRequestSchema.safeParse({ to: "infusing", from: "pre_infusion" }).success).toBe(false);
  });
});

describe("sessionListQuerySchema", () => {
  it("defaults status to active", () => {
    expect(sessionListQuerySchema.parse({})).toEqual({ status: "active" });
  });

  it.each([{ status: "all" }, { status: "active", patientId }, { patientId }])("accepts %j", (query) => {
    expect(issuesOf(sessionListQuerySchema, query)).toEqual([]);
  });

  it.each([
    ["status", { status: "closed" }],
    ["patientId", { patientId: "123" }],
  ])("refuses a bad %s", (field, query) => {
    expect(issuesOf(sessionListQuerySchema, query).map((i) => i.path)).toEqual([[field]]);
  });

  it("ignores an unknown query parameter", () => {
    expect(sessionListQuerySchema.parse({ page: "2" })).toEqual({ status: "active" });
  });
});
