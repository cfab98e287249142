import { describe, expect, it } from "vitest";
import { at, makeObservation, makeReading, makeSession, t0 } from "../../testing/fixtures.ts";
import { chartMarkers, chartMaxT, chartPoints, domainCovering } from "./chart-data.ts";

describe("chartPoints", () => {
  it("places 1 Hz readings apart, sorted, without entries in error", () => {
    const second = (s: number) => new Date(Date.parse(t0) + s * 1000).toISOString();
    const points = chartPoints(
      [
        makeReading({ observedAt: second(2), hr: 72 }),
        makeReading({ observedAt: second(1), hr: 71 }),
        makeReading({ observedAt: second(3), hr: 150, status: "entered_in_error" }),
      ],
      t0,
    );
    expect(points.map((p) => [p.t, p.hr])).toEqual([
      [0.017, 71],
      [0.033, 72],
    ]);
  });

  it("converts each reading once: a new reading leaves the earlier points as they were", () => {
    const first = makeReading({ observedAt: at(1) });
    const before = chartPoints([first], t0);
    const after = chartPoints([first, makeReading({ observedAt: at(2) })], t0);
    expect(after[0]).toBe(before[0]);
    expect(chartPoints([first], at(-1))[0]!.t).toBe(2);
  });

  it("converts a reading replaced mid-session (amended, entered in error) again, reusing the ones before it", () => {
    const readings = [1, 2, 3].map((s) => makeReading({ observedAt: at(s), hr: 70 + s }));
    const before = chartPoints(readings, t0);
    const amended = [readings[0]!, { ...readings[1]!, hr: 99 }, readings[2]!];
    const after = chartPoints(amended, t0);
    expect(after[0]).toBe(before[0]);
    expect(after.map((p) => p.hr)).toEqual([71, 99, 73]);
    const inError = [readings[0]!, { ...readings[1]!, status: "entered_in_error" as const }, readings[2]!];
    expect(chartPoints(inError, t0).map((p) => p.hr)).toEqual([71, 73]);
  });
});

describe("chartMarkers and chartMaxT", () => {
  it("marks infusion start and observations, and spans at least 10 minutes", () => {
    const markers = chartMarkers(makeSession({ infusionStartedAt: at(5) }), [
      makeObservation({ observedAt: at(7) }),
    ]);
    expect(markers.map((m) => [m.kind, m.t])).toEqual([
      ["infusion", 5],
      ["observation", 7],
    ]);
    expect(chartMaxT([], markers)).toBe(10);
    expect(chartMaxT([{ t: 95.2 }], markers)).toBe(96);
  });
});

describe("domainCovering", () => {
  it("widens a fixed scale so an SpO2 below it is shown, not clipped", () => {
    expect(domainCovering([80, 100], [[{ y: 97 }, { y: 72 }]])).toEqual([70, 100]);
  });

  it("rounds an automatic top up to a whole step above the highest value", () => {
    expect(domainCovering([40, "auto"], [[{ y: 120 }], [{ y: 212 }]])).toEqual([40, 220]);
  });

  it("keeps the usual scale when there is nothing to draw", () => {
    expect(domainCovering([80, 100], [])).toEqual([80, 100]);
  });
});
