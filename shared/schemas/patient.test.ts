import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createPatientRequestSchema, patientSearchQuerySchema } from "./patient.ts";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const valid = { mrn: "MRN-0001", fullName: "Ada Lovelace", dateOfBirth: "1985-12-10" };

describe("createPatientRequestSchema", () => {
  it.each([
    ["without a weight", valid],
    ["with a weight", { ...valid, weightKg: 64.5 }],
    ["with a null weight", { ...valid, weightKg: null }],
    ["with the bounds of weight", { ...valid, weightKg: 20 }],
    ["with the upper bound of weight", { ...valid, weightKg: 350 }],
  ])("accepts a patient %s", (_, input) => {
    expect(issuesOf(createPatientRequestSchema, input)).toEqual([]);
  });

  it("trims text fields", () => {
    const parsed = createPatientRequestSchema.parse({ ...valid, mrn: " MRN-1 ", fullName: " Ada " });
    expect([parsed.mrn, parsed.fullName]).toEqual(["MRN-1", "Ada"]);
  });

  it.each([
    ["mrn", "", "must not be empty"],
    ["mrn", "m".repeat(41), "must be at most 40 characters"],
    ["mrn", undefined, "must be text"],
    ["fullName", "  ", "must not be empty"],
    ["fullName", "f".repeat(201), "must be at most 200 characters"],
    ["dateOfBirth", "10/12/1985", "must be a date (YYYY-MM-DD)"],
    ["dateOfBirth", "1985-13-01", "must be a date (YYYY-MM-DD)"],
    ["dateOfBirth", undefined, "must be a date (YYYY-MM-DD)"],
    ["weightKg", 19, "must be between 20 and 350 kg"],
    ["weightKg", 351, "must be between 20 and 350 kg"],
    ["weightKg", "64", "must be a number"],
  ])("refuses %s = %j", (field, value, message) => {
    expect(issuesOf(createPatientRequestSchema, { ...valid, [field]: value })).toEqual([
      { path: [field], message },
    ]);
  });

  it("refuses an unknown field", () => {
    const result = createPatientRequestSchema.safeParse({ ...valid, id: "x" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["id"] }),
    ]);
  });
});

describe("patientSearchQuerySchema", () => {
  it.each([{}, { q: "ada" }, { q: "" }])("accepts %j", (query) => {
    expect(issuesOf(patientSearchQuerySchema, query)).toEqual([]);
  });

  it("refuses a query over 100 characters", () => {
    expect(issuesOf(patientSearchQuerySchema, { q: "q".repeat(101) }).map((i) => i.path)).toEqual([["q"]]);
  });

  it("ignores an unknown query parameter (a cache-buster must not break a search)", () => {
    expect(patientSearchQuerySchema.parse({ q: "a", limit: "5" })).toEqual({ q: "a" });
  });
});
