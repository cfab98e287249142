import { describe, expect, it } from "vitest";
import { modifiedPadss } from "./padss.ts";
import { defaultDischargeProfile as profile } from "./profile.ts";
import { evaluateDischarge } from "./readiness.ts";
import { allTicked, MIN, reading, readyInputs, stop } from "./test-support.ts";

const scoreOf = (id: string, input = readyInputs()) =>
  modifiedPadss(input).items.find((i) => i.id === id)!.score;

describe("modified PADSS", () => {
  it("scores 10 of 10 when everything is in order", () => {
    const padss = modifiedPadss(readyInputs());
    expect(padss.total).toBe(10);
    expect(padss.items.map((i) => i.id)).toEqual(["vital_signs", "activity", "pain", "nausea", "escort"]);
  });

  it.each([
    [120, 2],
    [144, 2],
    [144.1, 1],
    [168, 1],
    [168.1, 0],
    [72, 1],
    [71.9, 0],
  ])("vital signs: SBP %s against 120 scores %s", (sbp, score) => {
    expect(scoreOf("vital_signs", readyInputs({ readings: [reading(20, { sbp })] }))).toBe(score);
  });

  it("vital signs score 0 without a baseline", () => {
    expect(scoreOf("vital_signs", readyInputs({ baseline: {} }))).toBe(0);
  });

  it.each([
    [true, true, 2],
    [true, false, 1],
    [false, true, 1],
    [false, false, 0],
  ])("activity: oriented %s, steady gait %s scores %s", (oriented, steadyGait, score) => {
    expect(scoreOf("activity", readyInputs({ checklist: { ...allTicked(), oriented, steadyGait } }))).toBe(
      score,
    );
  });

  it.each([
    [true, true, 2],
    [true, false, 1],
    [false, true, 1],
    [false, false, 0],
  ])("escort: escort %s, no-driving advice %s scores %s", (escortPresent, noDrivingAdvised, score) => {
    const checklist = { ...allTicked(), escortPresent, noDrivingAdvised };
    expect(scoreOf("escort", readyInputs({ checklist }))).toBe(score);
  });

  it.each([
    [true, 2],
    [false, 1],
  ])("pain controlled %s scores %s", (painControlled, score) => {
    expect(scoreOf("pain", readyInputs({ checklist: { ...allTicked(), painControlled } }))).toBe(score);
  });

  it.each([
    ["controlled", true, [], 2],
    ["not controlled, nothing recorded", false, [], 1],
    ["not controlled, mild nausea", false, [{ t: stop + MIN, type: "nausea", severity: "mild" }], 1],
    ["not controlled, severe nausea", false, [{ t: stop + MIN, type: "nausea", severity: "severe" }], 0],
    ["not controlled, vomiting", false, [{ t: stop + MIN, type: "vomiting", severity: "mild" }], 0],
    [
      "not controlled, vomiting before the stop",
      false,
      [{ t: stop - MIN, type: "vomiting", severity: "mild" }],
      1,
    ],
    ["controlled after vomiting", true, [{ t: stop + MIN, type: "vomiting", severity: "severe" }], 2],
  ] as const)("nausea %s scores %s", (_, nauseaControlled, events, score) => {
    const input = readyInputs({ checklist: { ...allTicked(), nauseaControlled }, nauseaEvents: [...events] });
    expect(scoreOf("nausea", input)).toBe(score);
  });
});

describe("readiness", () => {
  it("is ready when every criterion, checklist item and the PADSS pass", () => {
    const r = evaluateDischarge(readyInputs(), profile);
    expect(r.unmet).toEqual([]);
    expect(r.ready).toBe(true);
    expect(r.padss).toMatchObject({ total: 10, minimum: 9, met: true });
  });

  it("lists each unmet criterion, unchecked item and a PADSS below 9", () => {
    const checklist = { ...allTicked(), oriented: false, steadyGait: false };
    const r = evaluateDischarge(readyInputs({ now: stop + 29 * MIN, checklist }), profile);
    expect(r.unmet.map((c) => c.id)).toEqual([
      "observation_time",
      "checklist_oriented",
      "checklist_steadyGait",
      "padss",
    ]);
    expect(r.padss).toMatchObject({ total: 8, met: false });
    expect(r.ready).toBe(false);
  });

  it.each([
    [9, true],
    [8, false],
  ])("a PADSS of %s passes: %s", (total, met) => {
    // pain not controlled costs 1, nausea not controlled another 1
    const checklist = { ...allTicked(), painControlled: false, nauseaControlled: total === 9 };
    const r = evaluateDischarge(readyInputs({ checklist }), profile);
    expect(r.padss.total).toBe(total);
    expect(r.padss.met).toBe(met);
  });
});
