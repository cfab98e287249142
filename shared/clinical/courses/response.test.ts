import { describe, expect, it } from "vitest";
import { assessResponse } from "./response.ts";

describe("assessResponse (non-response flag after induction)", () => {
  it.each([
    ["exactly 50 % drop is a response", 6, 20, 10, "response"],
    ["more than 50 % is a response", 6, 20, 4, "response"],
    ["49 % drop is a non-response", 6, 100, 51, "non_response"],
    ["45 % drop is a non-response", 6, 20, 11, "non_response"],
    ["worse is a non-response", 6, 12, 15, "non_response"],
    ["5 of 6 infusions: not yet assessable", 5, 20, 20, "not_assessable"],
    ["0 infusions: not yet assessable", 0, null, null, "not_assessable"],
    ["no latest score: not assessable", 6, 20, null, "not_assessable"],
    ["first score 0: not assessable", 6, 0, 0, "not_assessable"],
    ["beyond 6 still assessed", 7, 18, 9, "response"],
  ] as const)("%s", (_, inductionInfusions, firstScore, latestScore, status) => {
    expect(assessResponse({ inductionInfusions, firstScore, latestScore }).status).toBe(status);
  });

  it("reports the drop", () => {
    expect(assessResponse({ inductionInfusions: 6, firstScore: 100, latestScore: 51 }).dropPercent).toBe(49);
    expect(assessResponse({ inductionInfusions: 6, firstScore: 20, latestScore: 10 }).message).toMatch(
      /50 % drop/,
    );
  });
});
