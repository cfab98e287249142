import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { acknowledgeAlertRequestSchema } from "./alert.ts";
import { uuidParamsSchema } from "./common.ts";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("acknowledgeAlertRequestSchema", () => {
  it.each([{}, { note: "BP rechecked, patient calm" }, { note: "a".repeat(500) }])("accepts %j", (input) => {
    expect(issuesOf(acknowledgeAlertRequestSchema, input)).toEqual([]);
  });

  it("refuses a note over 500 characters", () => {
    expect(issuesOf(acknowledgeAlertRequestSchema, { note: "a".repeat(501) })).toEqual([
      { path: ["note"], message: "must be at most 500 characters" },
    ]);
  });

  it("refuses a note that is not text", () => {
    expect(issuesOf(acknowledgeAlertRequestSchema, { note: 5 }).map((i) => i.path)).toEqual([["note"]]);
  });

  it("refuses an unknown field", () => {
    const result = acknowledgeAlertRequestSchema.safeParse({ priority: "low" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["priority"] }),
    ]);
  });
});

describe("uuidParamsSchema", () => {
  it("accepts a UUID", () => {
    expect(issuesOf(uuidParamsSchema, { id: "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c" })).toEqual([]);
  });

  it.each(["1", "", "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9", "../etc/passwd"])("refuses id %j", (id) => {
    expect(issuesOf(uuidParamsSchema, { id })).toEqual([{ path: ["id"], message: "must be a UUID" }]);
  });
});
