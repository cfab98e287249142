import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { signDischargeRequestSchema } from "./discharge.ts";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const valid = { password: "correct horse", meaningAccepted: true };

describe("signDischargeRequestSchema", () => {
  it.each([
    ["without a note", valid],
    ["with a note", { ...valid, note: "Escorted by spouse" }],
    ["with a note of 2000 characters", { ...valid, note: "n".repeat(2000) }],
  ])("accepts a signature %s", (_, input) => {
    expect(issuesOf(signDischargeRequestSchema, input)).toEqual([]);
  });

  it.each([
    ["meaningAccepted", { meaningAccepted: false }, "confirm the meaning of the signature"],
    ["meaningAccepted", { meaningAccepted: "true" }, "confirm the meaning of the signature"],
    ["meaningAccepted", { meaningAccepted: undefined }, "confirm the meaning of the signature"],
    ["password", { password: "" }, "re-enter your password to sign"],
    ["password", { password: undefined }, "re-enter your password to sign"],
    ["note", { note: "n".repeat(2001) }, "must be at most 2000 characters"],
  ])("refuses %s in %j", (field, override, message) => {
    expect(issuesOf(signDischargeRequestSchema, { ...valid, ...override })).toEqual([
      { path: [field], message },
    ]);
  });

  it("refuses an unknown field", () => {
    const result = signDischargeRequestSchema.safeParse({ ...valid, signedBy: "someone else" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["signedBy"] }),
    ]);
  });
});
