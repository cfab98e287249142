import { describe, expect, it } from "vitest";
import { type CourseSoFar, infusionLabel, nextInfusion, phaseOfCourse } from "./numbering.ts";

describe("nextInfusion", () => {
  const induction = (infusions: number): CourseSoFar => ({
    kind: "induction",
    plannedInfusions: 6,
    infusions,
  });
  const maintenance = (infusions: number): CourseSoFar => ({
    kind: "maintenance",
    plannedInfusions: null,
    infusions,
  });

  it.each([
    [
      "no course: a new induction course",
      null,
      { action: "new_course", kind: "induction", infusionNumber: 1 },
    ],
    ["induction after 1", induction(1), { action: "continue", kind: "induction", infusionNumber: 2 }],
    ["induction after 5", induction(5), { action: "continue", kind: "induction", infusionNumber: 6 }],
    [
      "induction complete: maintenance",
      induction(6),
      { action: "new_course", kind: "maintenance", infusionNumber: 1 },
    ],
    ["maintenance after 0", maintenance(0), { action: "continue", kind: "maintenance", infusionNumber: 1 }],
    ["maintenance after 3", maintenance(3), { action: "continue", kind: "maintenance", infusionNumber: 4 }],
  ] as const)("%s", (_, active, expected) => {
    expect(nextInfusion(active)).toMatchObject(expected);
  });
});

describe("infusionLabel", () => {
  it.each([
    ["induction", 1, 6, "infusion 1 of 6"],
    ["induction", 3, 6, "infusion 3 of 6"],
    ["induction", 6, 6, "infusion 6 of 6"],
    ["induction", 7, 6, "infusion 7 (6 planned)"],
    ["maintenance", 2, null, "maintenance infusion 2"],
  ] as const)("%s %d of %s -> %s", (kind, n, planned, label) => {
    expect(infusionLabel(kind, n, planned)).toBe(label);
  });
});

describe("phaseOfCourse", () => {
  it.each([
    [1, "induction", 1],
    [6, "induction", 6],
    [7, "maintenance", 1],
    [9, "maintenance", 3],
  ] as const)("the %d-th infusion is %s %d", (n, kind, number) => {
    expect(phaseOfCourse(n)).toEqual({ kind, infusionNumber: number });
  });
});
