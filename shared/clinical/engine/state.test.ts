import { describe, expect, it } from "vitest";
import { defaultProfile } from "./profile.ts";
import {
  cloneState,
  type EngineState,
  engineStateSchema,
  initialState,
  parseState,
  serializeState,
} from "./state.ts";
import { step } from "./step.ts";

const t0 = Date.UTC(2026, 2, 1, 10);

/** A state with samples, a baseline, a persistence run and an open alert. */
function busyState(): EngineState {
  let state = initialState("pre_infusion", t0);
  const feed = (t: number, values: Record<string, number>) => {
    state = step(state, { kind: "vitals", t, source: "monitor", ...values }, defaultProfile).state;
  };
  for (let i = 0; i < 4; i++) feed(t0 + i * 60_000, { sbp: 120 + i, dbp: 80, hr: 70, spo2: 98, rr: 14 });
  state = step(state, { kind: "phase", t: t0 + 300_000, phase: "infusing" }, defaultProfile).state;
  for (let i = 0; i < 5; i++) feed(t0 + 360_000 + i * 61_003, { sbp: 185 + i, hr: 115, spo2: 89 });
  return state;
}

describe("stored engine state", () => {
  it("reads back exactly what was stored, in a smaller text than plain JSON", () => {
    const state = busyState();
    expect(state.alerts.length).toBeGreaterThan(0);
    expect(state.recent.sbp!.length).toBeGreaterThan(4);
    const text = serializeState(state);
    expect(parseState(JSON.parse(text))).toEqual(state);
    expect(text.length).toBeLessThan(JSON.stringify(state).length * 0.8);
  });

  it("still reads states stored unpacked (version 1)", () => {
    const state = busyState();
    expect(parseState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(engineStateSchema.safeParse(JSON.parse(serializeState(state))).success).toBe(false);
  });

  it("refuses a packed state with a broken sample list", () => {
    const stored = JSON.parse(serializeState(busyState()));
    for (const sbp of ["1,120,2", "1.5,120", "1,,2,3", "1,x", [1, 120]]) {
      expect(() => parseState({ ...stored, recent: { sbp } })).toThrow();
    }
    expect(parseState({ ...stored, recent: { sbp: "" } }).recent.sbp).toEqual([]);
  });
});

describe("cloneState", () => {
  it("copies every container that is changed in place: changing the copy leaves the original alone", () => {
    const state = busyState();
    state.alerts[0]!.acknowledged = { at: t0, by: "nurse" };
    const before = structuredClone(state);
    const copy = cloneState(state);
    expect(copy).toEqual(before);
    copy.recent.sbp = [];
    copy.preInfusion.hr = [{ t: 0, v: 0 }];
    copy.baseline.sbp = 0;
    copy.persistence.hr!.since.high = 1;
    copy.alerts[0]!.acknowledged!.by = "someone else";
    copy.alerts[0]!.priority = "low";
    expect(state).toEqual(before);
  });

  it("shares the sample lists, which are replaced, never edited", () => {
    const state = busyState();
    const copy = cloneState(state);
    expect(copy.recent.sbp).toBe(state.recent.sbp);
    const before = structuredClone(state);
    const later = state.recent.sbp!.at(-1)!.t + 60_000;
    const next = step(
      state,
      { kind: "vitals", t: later, source: "manual", sbp: 150, dbp: 90 },
      defaultProfile,
    );
    expect(next.state.recent.sbp!.at(-1)).toEqual({ t: later, v: 150 });
    expect(state).toEqual(before);
  });
});
