import { describe, expect, it } from "vitest";
import { defaultProfile, parseProfile, type ThresholdProfile, thresholdProfileSchema } from "./profile.ts";
import { at, brief, run, T0, vitals } from "./test-support.ts";

const clone = (): ThresholdProfile => structuredClone(defaultProfile);

describe("threshold profile", () => {
  it("the default round-trips through JSON unchanged", () => {
    const text = JSON.stringify(defaultProfile);
    expect(parseProfile(JSON.parse(text))).toEqual(defaultProfile);
    expect(thresholdProfileSchema.parse(JSON.parse(text))).toEqual(defaultProfile);
  });

  it("carries the issue's rules as data", () => {
    expect(defaultProfile.name).toBe("IV ketamine 0.5 mg/kg over 40 min");
    expect(defaultProfile.persistence).toMatchObject({
      seconds: 15,
      parameters: ["hr", "spo2"],
      sources: ["monitor"],
    });
    expect(defaultProfile.overdue).toEqual({
      intervalMinutes: { infusing: 10, recovery: 15 },
      lowAfterMinutes: 2,
      mediumAfterMinutes: 5,
    });
    expect(defaultProfile.stale).toEqual({
      seconds: 60,
      phases: ["infusing", "recovery"],
      priority: "medium",
    });
    expect(defaultProfile.escalationSeconds).toEqual({ high: 60, medium: 300 });
    expect(defaultProfile.evaluatePhases).not.toContain("discharged");
  });

  const invalid: [string, (p: Record<string, unknown> & ThresholdProfile) => void, string][] = [
    [
      "an unknown operator",
      (p) => Object.assign(p.vitals.sbp.levels[0]!, { op: "=>" }),
      "vitals.sbp.levels.0.op",
    ],
    ["a missing parameter", (p) => delete (p.vitals as Partial<ThresholdProfile["vitals"]>).rr, "vitals.rr"],
    ["an unknown priority", (p) => Object.assign(p.vitals.hr.levels[0]!, { priority: "urgent" }), "priority"],
    ["a negative margin", (p) => Object.assign(p.vitals.hr, { clearMargin: -1 }), "vitals.hr.clearMargin"],
    ["a misspelt field", (p) => Object.assign(p, { escalation: { high: 60 } }), "escalation"],
    [
      "medium before low",
      (p) => Object.assign(p.overdue, { mediumAfterMinutes: 1 }),
      "overdue.mediumAfterMinutes",
    ],
    ["an unknown phase", (p) => Object.assign(p.stale, { phases: ["infusion"] }), "stale.phases.0"],
    [
      "a zero confirmation window",
      (p) => Object.assign(p.vitals.sbp.levels[1]!, { confirm: { withinMinutes: 0 } }),
      "confirm",
    ],
  ];
  it.each(invalid)("rejects %s with a readable error", (_name, mutate, path) => {
    const profile = clone() as Record<string, unknown> & ThresholdProfile;
    mutate(profile);
    expect(() => parseProfile(JSON.parse(JSON.stringify(profile)))).toThrow(path);
  });

  it("a stricter profile raises more", () => {
    const strict = clone();
    strict.vitals.sbp.levels.push({ op: ">=", value: 140, priority: "low" });
    strict.vitals.spo2.levels = [
      { op: "<", value: 90, priority: "high" },
      { op: "<", value: 95, priority: "medium" },
    ];
    const inputs = [
      vitals(T0, { sbp: 145, dbp: 85, spo2: 94 }),
      vitals(at(1), { sbp: 130, dbp: 80, spo2: 97 }),
    ];
    expect(brief(run(inputs).events)).toEqual([]);
    expect(brief(run(inputs, strict).events)).toEqual([
      "0:00 raised sbp low",
      "0:00 raised spo2 medium",
      "1:00 cleared sbp low",
      "1:00 cleared spo2 medium",
    ]);
  });
});
