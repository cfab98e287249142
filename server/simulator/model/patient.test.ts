import { describe, expect, it } from "vitest";
import { drawInfusionNumber, generatePatient, hypertensionProbability } from "./patient.ts";
import { Random } from "./random.ts";

const patients = (n: number, seed = 1) => {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => generatePatient(rng));
};

describe("patient generator", () => {
  it("draws adults with plausible weights and baselines, systolic above diastolic", () => {
    const implausible = patients(3000).filter(
      (p) =>
        p.age < 18 ||
        p.age > 80 ||
        p.weightKg < 42 ||
        p.weightKg > 160 ||
        p.baseline.sbp < 95 ||
        p.baseline.sbp > 160 ||
        p.baseline.dbp > p.baseline.sbp - 25 ||
        p.baseline.hr < 52 ||
        p.baseline.spo2 > 100,
    );
    expect(implausible).toEqual([]);
  });

  it("has hypertensive patients in the documented share (~36 %), likelier with age", () => {
    const all = patients(6000, 2);
    const share = all.filter((p) => p.hypertensive).length / all.length;
    expect(share).toBeGreaterThan(0.31);
    expect(share).toBeLessThan(0.41);
    expect(hypertensionProbability(25)).toBeLessThan(hypertensionProbability(45));
    expect(hypertensionProbability(45)).toBeLessThan(hypertensionProbability(65));
  });

  it("raises baseline BP with age and in hypertension", () => {
    const all = patients(6000, 3);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const young = all.filter((p) => p.age < 35 && !p.hypertensive).map((p) => p.baseline.sbp);
    const old = all.filter((p) => p.age >= 60 && !p.hypertensive).map((p) => p.baseline.sbp);
    expect(mean(old) - mean(young)).toBeGreaterThan(4);
    const htn = all.filter((p) => p.hypertensive).map((p) => p.baseline.sbp);
    const norm = all.filter((p) => !p.hypertensive).map((p) => p.baseline.sbp);
    expect(mean(htn) - mean(norm)).toBeGreaterThan(10);
  });

  it("places ~18 % of sessions in infusions 1-3 and the rest of the course after them", () => {
    const rng = new Random(4);
    const ns = Array.from({ length: 10_000 }, () => drawInfusionNumber(rng));
    const first = ns.filter((n) => n <= 3).length / ns.length;
    expect(first).toBeGreaterThan(0.16);
    expect(first).toBeLessThan(0.2);
    expect(Math.min(...ns)).toBe(1);
    expect(ns.some((n) => n > 6)).toBe(true);
    expect(ns.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
  });
});
