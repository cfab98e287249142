import { describe, expect, it } from "vitest";
import { type Phase, phases } from "../schemas/session.ts";
import { allowedPhaseRequests, allowedTransitions, canTransition, isActive, isLocked } from "./phases.ts";

const allowed: ReadonlyArray<readonly [Phase, Phase]> = [
  ["pre_infusion", "infusing"],
  ["infusing", "recovery"],
  ["recovery", "discharged"],
];
const pairs = phases.flatMap((from) => phases.map((to) => [from, to] as const));
const isAllowed = (from: Phase, to: Phase) => allowed.some(([f, t]) => f === from && t === to);

describe("canTransition", () => {
  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))("allows %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))("refuses %s -> %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});

describe("allowedTransitions", () => {
  it.each([
    ["pre_infusion", ["infusing"]],
    ["infusing", ["recovery"]],
    ["recovery", ["discharged"]],
    ["discharged", []],
  ] as const)("from %s is %j", (from, expected) => {
    expect(allowedTransitions(from)).toEqual(expected);
  });
});

describe("allowedPhaseRequests", () => {
  it.each([
    ["pre_infusion", ["infusing"]],
    ["infusing", ["recovery"]],
    ["recovery", []],
    ["discharged", []],
  ] as const)("from %s is %j", (from, expected) => {
    expect(allowedPhaseRequests(from)).toEqual(expected);
  });

  it.each(phases)("never offers discharged from %s (discharge needs a signature)", (from) => {
    expect(allowedPhaseRequests(from)).not.toContain("discharged");
  });
});

describe("locking", () => {
  it.each([
    ["pre_infusion", false],
    ["infusing", false],
    ["recovery", false],
    ["discharged", true],
  ] as const)("%s locked = %s and active = the opposite", (phase, locked) => {
    expect(isLocked(phase)).toBe(locked);
    expect(isActive(phase)).toBe(!locked);
  });
});
