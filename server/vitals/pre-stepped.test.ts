import { describe, expect, it } from "vitest";
import { defaultProfile } from "../../shared/clinical/engine/profile.ts";
import { initialState } from "../../shared/clinical/engine/state.ts";
import { step } from "../../shared/clinical/engine/step.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import { type PreStepped, reusableStep } from "./pre-stepped.ts";

const input: Extract<EngineInput, { kind: "vitals" }> = {
  kind: "vitals",
  t: 1_000_000,
  source: "monitor",
  sbp: 205,
  dbp: 90,
  hr: 80,
};

function preStepped(): PreStepped {
  const from = initialState("pre_infusion", 0);
  return { sessionId: "s1", from, profileKey: "default", input, result: step(from, input, defaultProfile) };
}

describe("reusing the step done on arrival", () => {
  it("takes it for the same session, state object, profile key and input", () => {
    const pre = preStepped();
    const reused = reusableStep(pre, {
      sessionId: "s1",
      state: pre.from,
      profileKey: "default",
      input: { ...input },
    });
    expect(reused).toBe(pre.result);
    expect(reused?.events.map((e) => e.event)).toEqual(["raised"]);
  });

  it("steps again when anything differs", () => {
    const pre = preStepped();
    const at = { sessionId: "s1", state: pre.from, profileKey: "default", input };
    expect(reusableStep(pre, { ...at, sessionId: "s2" })).toBeUndefined();
    // An equal but different state: something committed for the session in between.
    expect(reusableStep(pre, { ...at, state: initialState("pre_infusion", 0) })).toBeUndefined();
    expect(reusableStep(pre, { ...at, profileKey: "clinic:7" })).toBeUndefined();
    expect(reusableStep(pre, { ...at, input: { ...input, hr: 81 } })).toBeUndefined();
    expect(reusableStep(pre, { ...at, input: { ...input, spo2: 97 } })).toBeUndefined();
    expect(reusableStep(pre, { ...at, input: { ...input, source: "manual" } })).toBeUndefined();
    expect(reusableStep(pre, { ...at, input: { ...input, t: input.t + 1 } })).toBeUndefined();
    expect(reusableStep(undefined, at)).toBeUndefined();
  });
});
