import { describe, expect, it } from "vitest";
import { infusionRateMgPerHour, totalDoseMg } from "./dose.ts";

describe("totalDoseMg", () => {
  it.each([
    [70, 0.5, 35],
    [72.3, 0.5, 36.2],
    [81.7, 0.5, 40.9],
    [64, 0.75, 48],
    [20, 0.01, 0.2],
    [350, 2, 700],
    [55.55, 1, 55.6],
  ])("%s kg x %s mg/kg = %s mg", (weight, dose, expected) => {
    expect(totalDoseMg(weight, dose)).toBe(expected);
  });
});

describe("infusionRateMgPerHour", () => {
  it.each([
    [35, 40, 52.5],
    [35, 60, 35],
    [40, 40, 60],
    [36.2, 40, 54.3],
    [50, 45, 66.7],
    [10, 240, 2.5],
  ])("%s mg over %s min = %s mg/h", (total, minutes, expected) => {
    expect(infusionRateMgPerHour(total, minutes)).toBe(expected);
  });
});
