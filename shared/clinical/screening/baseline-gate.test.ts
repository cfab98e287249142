import { describe, expect, it } from "vitest";
import { clearanceCovers, evaluateBaseline } from "./baseline-gate.ts";
import { defaultScreeningProfile } from "./profile.ts";

const limits = defaultScreeningProfile.baselineBp;

describe("evaluateBaseline at its limits (140/90 caution, 160/100 block)", () => {
  it.each([
    [139, 89, "ok"],
    [140, 89, "caution"],
    [139, 90, "caution"],
    [159, 99, "caution"],
    [160, 99, "block"],
    [159, 100, "block"],
    [120, 110, "block"],
    [190, 80, "block"],
    [110, 70, "ok"],
  ] as const)("%d/%d is %s", (sbp, dbp, level) => {
    expect(evaluateBaseline({ sbp, dbp }, limits).level).toBe(level);
  });

  it("names the value and the limit", () => {
    expect(evaluateBaseline({ sbp: 165, dbp: 102 }, limits).message).toMatch(
      /165\/102 mmHg .* limit of 160\/100/,
    );
  });

  it("asks for a baseline when there is none", () => {
    expect(evaluateBaseline(null, limits).level).toBe("missing");
  });

  it("uses the profile's limits", () => {
    const strict = { ...limits, blockSbp: 150 };
    expect(evaluateBaseline({ sbp: 150, dbp: 80 }, strict).level).toBe("block");
  });
});

describe("clearanceCovers", () => {
  it.each([
    [{ sbp: 165, dbp: 102 }, { sbp: 165, dbp: 102 }, true],
    [{ sbp: 165, dbp: 102 }, { sbp: 162, dbp: 100 }, true],
    [{ sbp: 165, dbp: 102 }, { sbp: 166, dbp: 100 }, false],
    [{ sbp: 165, dbp: 102 }, { sbp: 160, dbp: 103 }, false],
  ])("cleared %j covers %j: %s", (cleared, current, covers) => {
    expect(clearanceCovers(cleared, current)).toBe(covers);
  });
});
