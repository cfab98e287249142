import { describe, expect, it } from "vitest";
import { percentFromBaseline, withinPercent } from "./baseline.ts";
import {
  moaasRecovered,
  noOpenAlerts,
  observationTime,
  recoveryVitalSets,
  spo2Above,
  vitalsNearBaseline,
} from "./criteria.ts";
import { esketamineDischargeProfile, defaultDischargeProfile as profile } from "./profile.ts";
import { MIN, reading, readyInputs, start, stop } from "./test-support.ts";

describe("minimum observation time", () => {
  it.each([
    [29, false, /29 min since the infusion stopped; 30 required \(1 min to go\)/],
    [29.99, false, /29 min .* \(1 min to go\)/],
    [30, true, /30 min since the infusion stopped \(30 required\)/],
    [45, true, /45 min/],
  ])("%s min after the stop: met %s", (minutes, met, reason) => {
    const c = observationTime(readyInputs({ now: stop + minutes * MIN }), profile);
    expect(c).toMatchObject({ id: "observation_time", met });
    expect(c.reason).toMatch(reason);
  });

  it("is not met before the infusion stopped", () => {
    const c = observationTime(readyInputs({ infusionStoppedAt: null }), profile);
    expect(c).toMatchObject({ met: false, reason: "The infusion has not stopped yet" });
  });

  it.each([
    [119, false],
    [120, true],
  ])("esketamine-style: %s min from the dosing start, met %s", (minutes, met) => {
    const c = observationTime(readyInputs({ now: start + minutes * MIN }), esketamineDischargeProfile);
    expect(c.met).toBe(met);
    expect(c.label).toBe("At least 120 min since dosing started");
  });
});

describe("recovery vital sets (a reading with SBP, DBP and HR, at or after the stop)", () => {
  it.each([
    ["one", [reading(10)], false, "1 vital set since the infusion stopped; 2 required"],
    ["two", [reading(10), reading(20)], true, "2 vital sets since the infusion stopped; 2 required"],
    ["one at the stop and one after", [reading(0), reading(5)], true, /2 vital sets/],
    ["one before the stop", [reading(-1), reading(5)], false, /1 vital set /],
    ["HR missing from one", [reading(10, { hr: null }), reading(20)], false, /1 vital set /],
    ["BP missing from one", [reading(10, { sbp: null, dbp: null }), reading(20)], false, /1 vital set /],
  ])("%s: met %s", (_, readings, met, reason) => {
    const c = recoveryVitalSets(readyInputs({ readings }), profile);
    expect(c.met).toBe(met);
    expect(c.reason).toMatch(reason);
  });
});

describe("last BP and HR within 20 % of baseline", () => {
  it.each([
    [119.9, true],
    [120, true],
    [120.1, false],
    [80.1, true],
    [80, true],
    [79.9, false],
  ])("SBP %s against a baseline of 100: met %s", (sbp, met) => {
    const input = readyInputs({
      readings: [reading(20, { sbp, dbp: 70, hr: 70 })],
      baseline: { sbp: 100, dbp: 70, hr: 70 },
    });
    expect(vitalsNearBaseline(input, profile).met).toBe(met);
  });

  it.each([
    ["DBP 20 % over", { dbp: 96 }, true],
    ["DBP 21.25 % over", { dbp: 97 }, false],
    ["HR 20 % over", { hr: 84 }, true],
    ["HR 21.4 % over", { hr: 85 }, false],
  ])("%s", (_, values, met) => {
    const c = vitalsNearBaseline(readyInputs({ readings: [reading(20, values)] }), profile);
    expect(c.met).toBe(met);
  });

  it("compares the last BP and the last HR, each from its newest reading", () => {
    const readings = [
      reading(10, { sbp: 200, dbp: 110 }),
      reading(20, { hr: null }),
      reading(25, { sbp: null, dbp: null }),
    ];
    const c = vitalsNearBaseline(readyInputs({ readings }), profile);
    expect(c.met).toBe(true);
    expect(c.reason).toBe("SBP 120 vs 120 (0.0 %); DBP 80 vs 80 (0.0 %); HR 70 vs 70 (0.0 %)");
  });

  it("is not met without a baseline", () => {
    const c = vitalsNearBaseline(readyInputs({ baseline: { hr: 70 } }), profile);
    expect(c).toMatchObject({ met: false, reason: "Cannot compare: no SBP baseline, no DBP baseline" });
  });

  it("names what is beyond the limit", () => {
    const c = vitalsNearBaseline(readyInputs({ readings: [reading(20, { sbp: 150 })] }), profile);
    expect(c.reason).toBe("Beyond 20 %: SBP 150 vs 120 (25.0 %)");
  });

  it("computes the percentage both ways", () => {
    expect(percentFromBaseline(150, 125)).toBeCloseTo(20);
    expect(withinPercent(150, 125, 20)).toBe(true);
    expect(withinPercent(151, 125, 20)).toBe(false);
  });
});

describe("SpO2 above 92 %", () => {
  it.each([
    [92, false],
    [93, true],
  ])("last SpO2 %s: met %s", (spo2, met) => {
    const c = spo2Above(
      readyInputs({ readings: [reading(10, { spo2: 99 }), reading(20, { spo2 })] }),
      profile,
    );
    expect(c).toMatchObject({ met, reason: `Last SpO2 ${spo2} %` });
  });

  it("is not met without any SpO2", () => {
    expect(spo2Above(readyInputs({ readings: [reading(10, { spo2: null })] }), profile).met).toBe(false);
  });
});

describe("no open high or medium alert", () => {
  it.each([
    ["none", [], true, "None open"],
    ["an open low alert", [{ parameter: "overdue", priority: "low" }], true, "1 low alert open"],
    ["an open medium alert", [{ parameter: "sbp", priority: "medium" }], false, "Open: sbp (medium)"],
    ["an open high alert", [{ parameter: "spo2", priority: "high" }], false, "Open: spo2 (high)"],
  ] as const)("%s: met %s", (_, openAlerts, met, reason) => {
    expect(noOpenAlerts(readyInputs({ openAlerts: [...openAlerts] }))).toMatchObject({ met, reason });
  });
});

describe("MOAA/S 5 at the latest sedation check since the stop", () => {
  it.each([
    [4, false],
    [5, true],
  ])("latest MOAA/S %s: met %s", (moaas, met) => {
    const checks = [
      { t: stop + 5 * MIN, moaas: 5 },
      { t: stop + 20 * MIN, moaas },
    ];
    expect(moaasRecovered(readyInputs({ sedationChecks: checks }), profile)).toMatchObject({
      met,
      reason: `Latest MOAA/S ${moaas}`,
    });
  });

  it("ignores checks made before the infusion stopped", () => {
    const c = moaasRecovered(readyInputs({ sedationChecks: [{ t: stop - MIN, moaas: 5 }] }), profile);
    expect(c).toMatchObject({ met: false, reason: "No sedation check since the infusion stopped" });
  });
});
