import { describe, expect, it } from "vitest";
import { madrsSeverity, PHQ9_ITEMS, phq9Severity, phq9Total } from "./outcomes.ts";

describe("PHQ-9", () => {
  it("has nine items", () => expect(PHQ9_ITEMS).toHaveLength(9));

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27],
    [[3, 2, 1, 0, 3, 2, 1, 0, 2], 14],
  ])("scores %j as %d", (items, total) => expect(phq9Total(items)).toBe(total));

  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [27, "severe"],
  ] as const)("bands %d as %s", (total, severity) => expect(phq9Severity(total).severity).toBe(severity));
});

describe("MADRS", () => {
  it.each([
    [0, "Normal"],
    [6, "Normal"],
    [7, "Mild"],
    [19, "Mild"],
    [20, "Moderate"],
    [34, "Moderate"],
    [35, "Severe"],
    [60, "Severe"],
  ] as const)("bands %d as %s", (total, label) => expect(madrsSeverity(total)).toBe(label));
});
