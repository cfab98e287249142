import { describe, expect, it } from "vitest";
import type { AlertPriority } from "../../schemas/alert.ts";
import type { ObservationType, Severity } from "../../schemas/observation.ts";
import { clearsWithMargin, type LevelParameter, matchLevel, matchObservation } from "./levels.ts";
import { defaultProfile } from "./profile.ts";
import { brief, run, sedation, T0, vitals } from "./test-support.ts";

type Case = [LevelParameter, number, AlertPriority | null];

// Just below, at and just above every absolute limit of the default profile.
const absolute: Case[] = [
  ["sbp", 164, null],
  ["sbp", 165, "medium"],
  ["sbp", 166, "medium"],
  ["sbp", 179, "medium"],
  ["sbp", 180, "medium"], // >= 180 needs confirmation
  ["sbp", 199, "medium"],
  ["sbp", 200, "high"],
  ["sbp", 201, "high"],
  ["sbp", 91, null],
  ["sbp", 90, null],
  ["sbp", 89, "medium"],
  ["sbp", 81, "medium"],
  ["sbp", 80, "medium"],
  ["sbp", 79, "high"],
  ["dbp", 99, null],
  ["dbp", 100, "medium"],
  ["dbp", 101, "medium"],
  ["dbp", 110, "medium"],
  ["dbp", 119, "medium"],
  ["dbp", 120, "high"],
  ["dbp", 121, "high"],
  ["dbp", 30, null],
  ["hr", 119, null],
  ["hr", 120, "medium"],
  ["hr", 121, "medium"],
  ["hr", 139, "medium"],
  ["hr", 140, "high"],
  ["hr", 141, "high"],
  ["hr", 51, null],
  ["hr", 50, null],
  ["hr", 49, "medium"],
  ["hr", 41, "medium"],
  ["hr", 40, "medium"],
  ["hr", 39, "high"],
  ["spo2", 93, null],
  ["spo2", 92, null],
  ["spo2", 91, "medium"],
  ["spo2", 89, "medium"],
  ["spo2", 88, "medium"],
  ["spo2", 87, "high"],
  ["rr", 11, null],
  ["rr", 10, null],
  ["rr", 9, "medium"],
  ["rr", 8, "medium"],
  ["rr", 7, "high"],
  ["rr", 29, null],
  ["rr", 30, "medium"],
  ["rr", 31, "medium"],
  ["moaas", 5, null],
  ["moaas", 4, null],
  ["moaas", 3, "medium"],
  ["moaas", 2, "high"],
  ["moaas", 1, "high"],
  ["moaas", 0, "high"],
];

describe("absolute levels of the default profile", () => {
  it.each(absolute)("%s %d -> %s", (parameter, value, expected) => {
    expect(matchLevel(parameter, value, { t: T0 }, defaultProfile)?.priority ?? null).toBe(expected);
  });

  it.each(absolute.filter(([p]) => p !== "moaas"))(
    "a manual %s %d raises %s at once",
    (parameter, value, expected) => {
      const { events } = run([vitals(T0, { [parameter]: value })]);
      expect(brief(events)).toEqual(expected ? [`0:00 raised ${parameter} ${expected}`] : []);
    },
  );

  it.each(absolute.filter(([p]) => p === "moaas"))(
    "a sedation check MOAA/S %d raises %s",
    (_p, value, expected) => {
      const { events } = run([sedation(T0, value)]);
      expect(brief(events)).toEqual(expected ? [`0:00 raised moaas ${expected}`] : []);
    },
  );

  it("writes a message a clinician reads", () => {
    expect(matchLevel("sbp", 205, { t: T0 }, defaultProfile)?.message).toBe("Systolic BP 205 mmHg ≥ 200");
    expect(matchLevel("spo2", 87, { t: T0 }, defaultProfile)?.message).toBe("SpO2 87% < 88");
    expect(matchLevel("rr", 7, { t: T0 }, defaultProfile)?.message).toBe("Respiratory rate 7/min < 8");
    expect(matchLevel("sbp", 171, { t: T0, baseline: 150 }, defaultProfile)?.message).toBe(
      "Systolic BP 171 mmHg ≥ 165",
    );
    expect(matchLevel("sbp", 160, { t: T0, baseline: 120 }, defaultProfile)?.message).toBe(
      "Systolic BP 160 mmHg ≥ baseline 120 + 40",
    );
  });
});

describe("baseline-relative levels", () => {
  const cases: [LevelParameter, number, number | undefined, AlertPriority | null][] = [
    ["sbp", 159, 120, null],
    ["sbp", 160, 120, "medium"],
    ["sbp", 161, 120, "medium"],
    ["sbp", 160, undefined, null], // no baseline: the relative rule does not apply
    ["dbp", 94, 70, null],
    ["dbp", 95, 70, "medium"],
    ["dbp", 96, 70, "medium"],
    ["dbp", 95, undefined, null],
  ];
  it.each(cases)("%s %d with baseline %s -> %s", (parameter, value, baseline, expected) => {
    expect(matchLevel(parameter, value, { t: T0, baseline }, defaultProfile)?.priority ?? null).toBe(
      expected,
    );
  });

  it("compares with an unrounded mean baseline", () => {
    expect(matchLevel("sbp", 150, { t: T0, baseline: 110.5 }, defaultProfile)).toBeNull();
    expect(matchLevel("sbp", 151, { t: T0, baseline: 110.5 }, defaultProfile)?.priority).toBe("medium");
  });
});

describe("confirmation of sbp >= 180 and dbp >= 110", () => {
  const cases: [LevelParameter, number, { t: number; v: number } | undefined, AlertPriority][] = [
    ["sbp", 180, undefined, "medium"],
    ["sbp", 180, { t: T0 - 5 * 60_000, v: 179 }, "medium"],
    ["sbp", 180, { t: T0 - 5 * 60_000, v: 180 }, "high"],
    ["sbp", 180, { t: T0 - 10 * 60_000, v: 185 }, "high"], // exactly 10 min: inclusive
    ["sbp", 180, { t: T0 - 10 * 60_000 - 1000, v: 185 }, "medium"], // just past the window
    ["sbp", 179, { t: T0 - 60_000, v: 190 }, "medium"],
    ["dbp", 110, { t: T0 - 5 * 60_000, v: 109 }, "medium"],
    ["dbp", 110, { t: T0 - 5 * 60_000, v: 110 }, "high"],
    ["dbp", 110, { t: T0 - 10 * 60_000, v: 112 }, "high"],
    ["dbp", 110, { t: T0 - 10 * 60_000 - 1000, v: 112 }, "medium"],
    ["dbp", 109, { t: T0 - 60_000, v: 115 }, "medium"],
  ];
  it.each(cases)("%s %d after %o -> %s", (parameter, value, previous, expected) => {
    expect(matchLevel(parameter, value, { t: T0, previous }, defaultProfile)?.priority).toBe(expected);
  });
});

describe("hysteresis margins", () => {
  const cases: [LevelParameter, number, number | undefined, boolean][] = [
    ["sbp", 160, undefined, false],
    ["sbp", 159, undefined, true],
    ["sbp", 94, undefined, false],
    ["sbp", 95, undefined, true],
    ["sbp", 155, 120, false], // rise +35 is not below +35
    ["sbp", 154, 120, true],
    ["dbp", 95, undefined, false],
    ["dbp", 94, undefined, true],
    ["dbp", 90, 70, false], // rise +20 is not below +20
    ["dbp", 89, 70, true],
    ["hr", 115, undefined, false],
    ["hr", 114, undefined, true],
    ["hr", 54, undefined, false],
    ["hr", 55, undefined, true],
    ["spo2", 92, undefined, false],
    ["spo2", 93, undefined, true],
    ["rr", 10, undefined, false],
    ["rr", 11, undefined, true],
    ["rr", 29, undefined, false],
    ["rr", 28, undefined, true],
    ["moaas", 3, undefined, false],
    ["moaas", 4, undefined, true],
    ["moaas", 5, undefined, true],
  ];
  it.each(cases)("%s %d (baseline %s) clears: %s", (parameter, value, baseline, expected) => {
    expect(clearsWithMargin(parameter, value, baseline, defaultProfile)).toBe(expected);
  });
});

describe("observations", () => {
  const cases: [ObservationType, Severity | null, AlertPriority | null][] = [
    ["seizure", "mild", "high"],
    ["chest_pain", "moderate", "high"],
    ["loss_of_consciousness", null, "high"],
    ["nausea", "severe", "medium"],
    ["hallucinations", "severe", "medium"],
    ["nausea", "moderate", null],
    ["anxiety", "mild", null],
  ];
  it.each(cases)("%s (%s) -> %s", (type, severity, expected) => {
    expect(matchObservation(type, severity, defaultProfile)?.priority ?? null).toBe(expected);
  });
});
