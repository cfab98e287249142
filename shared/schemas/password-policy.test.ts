import { describe, expect, it } from "vitest";
import { newPasswordSchema, passwordPolicyProblems } from "./password-policy.ts";

describe("password policy", () => {
  it("accepts a long passphrase unrelated to the username", () => {
    expect(passwordPolicyProblems("correct horse battery", "nurse")).toEqual([]);
  });

  it("refuses short passwords, naming the minimum", () => {
    expect(passwordPolicyProblems("short-pass1", "nurse")).toEqual(["must be at least 12 characters"]);
  });

  it("refuses the username padded to length, whatever the case, but not a phrase that mentions it", () => {
    expect(passwordPolicyProblems("NURSE-2026!!", "nurse")).toEqual(["must not be built from the username"]);
    expect(passwordPolicyProblems("nursenursenurse", "nurse")).toContain(
      "must not be built from the username",
    );
    expect(passwordPolicyProblems("multinode-admin-password", "admin")).toEqual([]);
  });

  it("refuses repeated characters and common passwords", () => {
    expect(passwordPolicyProblems("aaaaaaaaaaaaaaaa", "jo")).toContain(
      "must not repeat only one or two characters",
    );
    expect(passwordPolicyProblems("Password1234", "jo")).toEqual(["is a commonly used password"]);
  });

  it("reports every problem through the zod schema", () => {
    const result = newPasswordSchema("admin").safeParse("admin");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "must be at least 12 characters",
      "must not be built from the username",
    ]);
  });
});
