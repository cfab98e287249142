import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultProfile } from "./profile.ts";
import { type EngineState, initialState, serializeState, storedStateSchema } from "./state.ts";
import { step } from "./step.ts";
import { readStoredState } from "./stored-state-reader.ts";

const t0 = Date.UTC(2026, 2, 1, 10);

/** A state with samples, a baseline, persistence runs, an acknowledged alert and one latched. */
function busyState(): EngineState {
  let state = initialState("pre_infusion", t0);
  const feed = (t: number, values: Record<string, number>) => {
    state = step(state, { kind: "vitals", t, source: "monitor", ...values }, defaultProfile).state;
  };
  for (let i = 0; i < 4; i++) feed(t0 + i * 60_000, { sbp: 120 + i, dbp: 80, hr: 70, spo2: 98.5, rr: 14 });
  state = step(state, { kind: "phase", t: t0 + 300_000, phase: "infusing" }, defaultProfile).state;
  for (let i = 0; i < 5; i++) feed(t0 + 360_000 + i * 61_003, { sbp: 185 + i, hr: 115, spo2: 89 });
  state = step(state, { kind: "ack", t: t0 + 700_000, parameter: "sbp", by: "nurse" }, defaultProfile).state;
  return state;
}

/** What the schema makes of a stored value (undefined when it refuses it). */
function bySchema(stored: unknown): EngineState | undefined {
  const parsed = storedStateSchema.safeParse(stored);
  return parsed.success ? { ...parsed.data, version: 1 } : undefined;
}

describe("readStoredState", () => {
  it("reads what serializeState wrote exactly as the schema does", () => {
    for (const state of [busyState(), initialState(), initialState("recovery", t0)]) {
      const stored = JSON.parse(serializeState(state));
      expect(readStoredState(stored)).toStrictEqual(bySchema(stored));
      expect(readStoredState(stored)).toEqual(state);
    }
  });

  it("never accepts what the schema refuses, and builds the schema's value for what it accepts", () => {
    const stored = JSON.parse(serializeState(busyState()));
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(stored, []);
    const replacement = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom("1,2", "01,2", "1,2.50", "-0,1", "1.5,2", "1,2,3", "", "9007199254740993,1", "1,NaN"),
      fc.constantFrom(-0, 1.5, 2 ** 60, "high", "infusing", "sbp", null, undefined),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, fc.boolean(), (path, value, addKey) => {
        const copy = structuredClone(stored);
        let target = copy;
        for (const key of path.slice(0, -1)) target = target[key];
        if (path.length === 0) return;
        if (addKey && typeof target[path.at(-1)!] === "object" && target[path.at(-1)!] !== null) {
          target[path.at(-1)!].extra = value;
        } else {
          target[path.at(-1)!] = value;
        }
        const fast = readStoredState(copy);
        if (fast !== undefined) expect(fast).toStrictEqual(bySchema(copy));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves anything unexpected to the schema", () => {
    const stored = JSON.parse(serializeState(busyState()));
    expect(readStoredState({ ...stored, extra: 1 })).toBeUndefined();
    expect(readStoredState({ ...stored, recent: { sbp: "01,120" } })).toBeUndefined();
    expect(readStoredState({ ...stored, phase: "unknown" })).toBeUndefined();
    expect(readStoredState({ ...stored, version: 1 })).toBeUndefined();
    expect(readStoredState(null)).toBeUndefined();
  });
});
