import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { observationTypes, recordObservationRequestSchema, severities } from "./observation.ts";

const id = "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c";
const observedAt = "2026-11-22T19:00:00.000Z";
const base = { id, observedAt };

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const nonSedation = observationTypes.filter((t) => t !== "sedation" && t !== "other");

describe("recordObservationRequestSchema accepts", () => {
  it.each([0, 1, 2, 3, 4, 5])("a sedation check with MOAA/S %i", (moaas) => {
    expect(issuesOf(recordObservationRequestSchema, { ...base, type: "sedation", moaas })).toEqual([]);
  });

  it.each(nonSedation.flatMap((type) => severities.map((severity) => [type, severity] as const)))(
    "%s (%s)",
    (type, severity) => {
      expect(issuesOf(recordObservationRequestSchema, { ...base, type, severity })).toEqual([]);
    },
  );

  it("other with a note", () => {
    const input = { ...base, type: "other", severity: "mild", note: "tingling in the left hand" };
    expect(issuesOf(recordObservationRequestSchema, input)).toEqual([]);
  });

  it("trims the note", () => {
    const parsed = recordObservationRequestSchema.parse({
      ...base,
      type: "nausea",
      severity: "mild",
      note: "  ok ",
    });
    expect(parsed.note).toBe("ok");
  });
});

describe("recordObservationRequestSchema refuses", () => {
  it.each([
    ["sedation without MOAA/S", { type: "sedation" }, ["moaas"], "a sedation check needs the MOAA/S level"],
    [
      "MOAA/S on a non-sedation observation",
      { type: "nausea", severity: "mild", moaas: 3 },
      ["moaas"],
      "MOAA/S belongs to a sedation check only",
    ],
    ["a non-sedation observation without severity", { type: "dizziness" }, ["severity"], "choose a severity"],
    ["other without a note", { type: "other", severity: "mild" }, ["note"], "describe the observation"],
    [
      "other with a blank note",
      { type: "other", severity: "mild", note: "   " },
      ["note"],
      "describe the observation",
    ],
    ["MOAA/S 6", { type: "sedation", moaas: 6 }, ["moaas"], "must be an integer between 0 and 5"],
    ["MOAA/S -1", { type: "sedation", moaas: -1 }, ["moaas"], "must be an integer between 0 and 5"],
    ["MOAA/S 2.5", { type: "sedation", moaas: 2.5 }, ["moaas"], "must be an integer between 0 and 5"],
    ["MOAA/S as text", { type: "sedation", moaas: "3" }, ["moaas"], "must be an integer between 0 and 5"],
    [
      "a note over 1000 characters",
      { type: "nausea", severity: "mild", note: "x".repeat(1001) },
      ["note"],
      "must be at most 1000 characters",
    ],
    ["a bad id", { id: "42", type: "nausea", severity: "mild" }, ["id"], "must be a UUID"],
    [
      "a bad observedAt",
      { observedAt: "22/11/2026", type: "nausea", severity: "mild" },
      ["observedAt"],
      "must be an ISO 8601 date-time",
    ],
  ])("%s", (_, override, path, message) => {
    expect(issuesOf(recordObservationRequestSchema, { ...base, ...override })).toContainEqual({
      path,
      message,
    });
  });

  it.each([
    ["type", { type: "sneezing", severity: "mild" }],
    ["severity", { type: "nausea", severity: "extreme" }],
  ])("an unknown %s with an issue on that field", (field, override) => {
    const issues = issuesOf(recordObservationRequestSchema, { ...base, ...override });
    expect(issues.map((i) => i.path)).toContainEqual([field]);
    expect(issues.find((i) => i.path[0] === field)?.message).toMatch(/must be one of: /);
  });

  it("an unknown field", () => {
    const result = recordObservationRequestSchema.safeParse({
      ...base,
      type: "nausea",
      severity: "mild",
      by: "x",
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["by"] }),
    ]);
  });
});
