import { describe, expect, it } from "vitest";
import { calibrationReport, noiseFreeCohort, publishedTargets } from "./calibration.ts";
import { calibrationMarkdown } from "./calibration-table.ts";

/** The README's calibration table is produced from this cohort (2,000 sessions, seed 2026). */
describe("calibration against clinical.md section 3", () => {
  const report = calibrationReport(noiseFreeCohort(2000, 2026));

  it("reproduces Yale 2024's peak rises as measured: SBP +16 (SD 11.2), DBP +11 (SD 8.5)", () => {
    expect(Math.abs(report.sbpMeasuredRise.mean - 16)).toBeLessThan(1.2);
    expect(Math.abs(report.sbpMeasuredRise.sd - 11.2)).toBeLessThan(1.2);
    expect(Math.abs(report.dbpMeasuredRise.mean - 11)).toBeLessThan(1);
    expect(Math.abs(report.dbpMeasuredRise.sd - 8.5)).toBeLessThan(1);
    expect(report.sbpRiseAtPeak.sd).toBeLessThan(report.sbpMeasuredRise.sd);
  });

  it("peaks 30-40 min after the start and is back to baseline 90 min after the stop", () => {
    expect(report.meanCurvePeakMinute).toBeGreaterThanOrEqual(30);
    expect(report.meanCurvePeakMinute).toBeLessThanOrEqual(40);
    expect(Math.abs(report.sbpRise90AfterStop.mean)).toBeLessThan(0.5);
  });

  it("has severe hypertension in about 1 % of sessions, ~43 % of them in infusions 1-3", () => {
    expect(report.severeShare).toBeGreaterThan(0.005);
    expect(report.severeShare).toBeLessThan(0.02);
    expect(report.severeInFirstThreeShare).toBeGreaterThan(0.25);
    expect(report.severeInFirstThreeShare).toBeLessThan(0.65);
    expect(report.severeInFirstThreeShare).toBeGreaterThan(2 * report.firstThreeSessionShare);
  });

  it("rises more with age, in hypertensive patients and in the first infusions", () => {
    const [young, middle, old] = report.byAgeBand;
    expect(middle!.sbpRise).toBeGreaterThan(young!.sbpRise);
    expect(old!.sbpRise).toBeGreaterThan(middle!.sbpRise);
    expect(old!.severeShare).toBeGreaterThan(young!.severeShare);
    const [htn, norm] = report.byHypertension;
    expect(htn!.sbpRise - norm!.sbpRise).toBeGreaterThan(2);
    expect(htn!.severeShare).toBeGreaterThan(norm!.severeShare);
    const [first, later] = report.byInfusion;
    expect(first!.sbpRise - later!.sbpRise).toBeGreaterThan(3);
  });

  it("reports the ≥ 165/100 share (a sizable minority, below Rodrigues' per-patient 44 %)", () => {
    expect(report.reached165over100Share).toBeGreaterThan(0.1);
    expect(report.reached165over100Share).toBeLessThan(publishedTargets.reached165over100.value);
    expect(report.hypertensivePatientShare).toBeGreaterThan(0.3);
    expect(report.hypertensivePatientShare).toBeLessThan(0.42);
  });

  it("renders the table next to the published figures", () => {
    const md = calibrationMarkdown(report, 2026);
    expect(md).toMatch(/^Calibration on 2000 simulated sessions \(seed 2026\)/);
    expect(md).toContain("| figure | simulated cohort | published |");
    expect(md).toContain("+16 (SD 11.2) mmHg, Yale 2024");
    expect(md).toContain("44.3 %");
  });
});
