import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { loginRequestSchema } from "./user.ts";

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe("loginRequestSchema", () => {
  it("accepts a username and password and trims the username", () => {
    expect(loginRequestSchema.parse({ username: " nurse.ada ", password: " secret " })).toEqual({
      username: "nurse.ada",
      password: " secret ",
    });
  });

  it.each([
    ["username", { username: "", password: "pw" }, "is required"],
    ["username", { username: "   ", password: "pw" }, "is required"],
    ["username", { password: "pw" }, "must be text"],
    ["username", { username: 7, password: "pw" }, "must be text"],
    ["password", { username: "ada", password: "" }, "is required"],
    ["password", { username: "ada" }, "must be text"],
    ["password", { username: "ada", password: null }, "must be text"],
  ])("refuses a bad %s in %j", (field, input, message) => {
    expect(issuesOf(loginRequestSchema, input)).toEqual([{ path: [field], message }]);
  });

  it.each([
    ["username", { username: "u".repeat(101), password: "pw" }],
    ["password", { username: "ada", password: "p".repeat(201) }],
  ])("refuses an overlong %s", (field, input) => {
    expect(issuesOf(loginRequestSchema, input).map((i) => i.path)).toEqual([[field]]);
  });

  it("refuses an unknown field", () => {
    const result = loginRequestSchema.safeParse({ username: "ada", password: "pw", role: "admin" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["role"] }),
    ]);
  });
});
