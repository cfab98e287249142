import { describe, expect, it } from "vitest";
import { defaultProfile } from "./profile.ts";
import { previewVitals } from "./step.ts";
import { ack, at, infusingAtT0, run, T0, vitals } from "./test-support.ts";

describe("previewVitals", () => {
  it("without a state, shows what the plain limits would raise, highest first", () => {
    expect(previewVitals(null, { sbp: 170, dbp: 125, hr: 80 }, T0, defaultProfile)).toEqual([
      {
        parameter: "dbp",
        priority: "high",
        event: "raised",
        message: "Diastolic BP 125 mmHg ≥ 120",
        value: 125,
      },
      {
        parameter: "sbp",
        priority: "medium",
        event: "raised",
        message: "Systolic BP 170 mmHg ≥ 165",
        value: 170,
      },
    ]);
    expect(previewVitals(null, { sbp: 120, dbp: 80 }, T0, defaultProfile)).toEqual([]);
  });

  it("uses the session: baseline, confirmation and already open alerts", () => {
    const { state } = run([
      ...infusingAtT0([{ sbp: 120, dbp: 70 }]),
      vitals(at(2), { sbp: 182, dbp: 80 }),
      ack(at(3), "sbp"),
    ]);
    const before = structuredClone(state);
    const preview = previewVitals(state, { sbp: 181, dbp: 96 }, at(8), defaultProfile);
    expect(preview.map((p) => `${p.event} ${p.parameter} ${p.priority}`)).toEqual([
      "upgraded sbp high",
      "raised dbp medium",
    ]);
    expect(state).toEqual(before);
    // The same level as the open alert raises nothing new.
    expect(previewVitals(state, { sbp: 170, dbp: 80 }, at(8), defaultProfile)).toEqual([]);
  });

  it("manual readings act at once; a monitor source would wait for persistence", () => {
    expect(previewVitals(null, { spo2: 86 }, T0, defaultProfile).map((p) => p.priority)).toEqual(["high"]);
    expect(previewVitals(null, { spo2: 86 }, T0, defaultProfile, "monitor")).toEqual([]);
  });
});
