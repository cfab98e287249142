import { describe, expect, it } from "vitest";
import { meanArterialPressure } from "./vitals.ts";

describe("meanArterialPressure", () => {
  it.each([
    [120, 80, 93],
    [120, 60, 80],
    [121, 80, 94],
    [90, 60, 70],
    [200, 120, 147],
    [165, 100, 122],
    [80, 40, 53],
    [300, 10, 107],
  ])("%s/%s -> MAP %s", (sbp, dbp, map) => {
    expect(meanArterialPressure(sbp, dbp)).toBe(map);
  });

  it("is a whole number", () => {
    expect(Number.isInteger(meanArterialPressure(127, 83))).toBe(true);
  });
});
