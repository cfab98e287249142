import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChartPoint } from "./chart-data.ts";
import { lttbKeepingExtremes, type XY } from "./lttb.ts";
import { fullResolutionMinutes, SeriesDrawing } from "./lttb-chart-series.ts";

/** A 2-hour session at 1 Hz: x in minutes, y a noisy steady value. */
function session(base: number, seconds = 7200, seed = 1): XY[] {
  let s = seed;
  const noise = () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647 - 0.5) * 2;
  };
  return Array.from({ length: seconds }, (_, i) => ({ x: i / 60, y: Math.round(base + noise() * 2) }));
}

const seriesOf = (minLength: number) =>
  fc
    .array(fc.integer({ min: 40, max: 250 }), { minLength, maxLength: 3000, size: "max" })
    .map((ys) => ys.map((y, i) => ({ x: i, y })));
const seriesArb = seriesOf(0);

describe("lttbKeepingExtremes", () => {
  it("returns short input unchanged", () => {
    const pts = session(97, 100);
    expect(lttbKeepingExtremes(pts, 100)).toBe(pts);
  });

  it("keeps first and last, stays within target and keeps x ascending", () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 2, max: 600 }), (pts, target) => {
        const out = lttbKeepingExtremes(pts, target);
        expect(out.length).toBeLessThanOrEqual(Math.max(target, pts.length <= target ? pts.length : 0));
        if (pts.length > 0) {
          expect(out[0]).toBe(pts[0]);
          expect(out.at(-1)).toBe(pts.at(-1));
        }
        for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
        for (const p of out) expect(pts[p.x]).toBe(p);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a single SpO2 dip and a single BP spike in a 2-hour 1 Hz session", () => {
    const spo2 = session(97);
    spo2[4321] = { x: 4321 / 60, y: 84 };
    const sbp = session(125);
    sbp[987] = { x: 987 / 60, y: 212 };
    expect(lttbKeepingExtremes(spo2, 800)).toContainEqual({ x: 4321 / 60, y: 84 });
    expect(lttbKeepingExtremes(sbp, 800)).toContainEqual({ x: 987 / 60, y: 212 });
  });

  it("keeps a spike and a dip that share one bucket, where plain LTTB keeps only one", () => {
    const sbp = session(125);
    sbp[987] = { x: 987 / 60, y: 212 };
    sbp[989] = { x: 989 / 60, y: 70 };
    const out = lttbKeepingExtremes(sbp, 800);
    expect(out).toContainEqual({ x: 987 / 60, y: 212 });
    expect(out).toContainEqual({ x: 989 / 60, y: 70 });
  });

  it("never hides an out-of-range value: within one bucket a point at least as extreme is drawn", () => {
    fc.assert(
      fc.property(seriesOf(401), fc.integer({ min: 20, max: 400 }), (pts, target) => {
        const out = lttbKeepingExtremes(pts, target);
        const bucketLength = Math.ceil((pts.length - 2) / Math.floor((target - 2) / 3));
        // Default-profile limits for SBP: alerting at >= 165 and < 90.
        for (const p of pts.filter((q) => q.y >= 165 || q.y < 90)) {
          const near = out.filter((q) => Math.abs(q.x - p.x) < bucketLength);
          const shown = p.y >= 165 ? near.some((q) => q.y >= p.y) : near.some((q) => q.y <= p.y);
          expect(shown, `value ${p.y} at ${p.x} hidden`).toBe(true);
        }
        expect(Math.max(...out.map((q) => q.y))).toBe(Math.max(...pts.map((q) => q.y)));
        expect(Math.min(...out.map((q) => q.y))).toBe(Math.min(...pts.map((q) => q.y)));
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a target below 2 for long input", () => {
    expect(() => lttbKeepingExtremes(session(97, 10), 1)).toThrow(/at least 2/);
  });
});

/** 2 hours of 1 Hz chart points (t in minutes), HR only. */
function hrPoints(seconds = 7200): ChartPoint[] {
  return session(80, seconds).map((p) => ({ t: p.x, hr: p.y }));
}

describe("SeriesDrawing", () => {
  it("draws the older part at about one point per pixel and the last minutes whole", () => {
    const points = hrPoints();
    const { history, recent } = new SeriesDrawing("hr").draw(points, 700);
    const from = Math.floor(points.at(-1)!.t) - fullResolutionMinutes;
    expect(recent).toEqual(points.filter((p) => p.t >= from).map((p) => ({ x: p.t, y: p.hr })));
    expect(history.length).toBeLessThanOrEqual(700);
    expect(history.at(-1)!.x).toBeLessThan(from);
    expect(history.length + recent.length).toBeLessThan(points.length / 3);
  });

  it("draws a short manual series whole", () => {
    const points = hrPoints(30).map((p, i) => ({ t: i * 5, hr: p.hr }));
    const { history, recent } = new SeriesDrawing("hr").draw(points, 700);
    expect([...history, ...recent]).toEqual(points.map((p) => ({ x: p.t, y: p.hr })));
  });

  it("keeps the history as it was for a new reading within the minute, and redraws it when the window moves", () => {
    const points = hrPoints(7230);
    const drawing = new SeriesDrawing("hr");
    const first = drawing.draw(points, 700);
    const next = drawing.draw([...points, { t: 7230 / 60, hr: 91 }], 700);
    expect(next.history).toBe(first.history);
    expect(next.recent.at(-1)).toEqual({ x: 7230 / 60, y: 91 });
    const minuteLater = drawing.draw([...points, { t: 7260 / 60, hr: 91 }], 700);
    expect(minuteLater.history).not.toBe(first.history);
    expect(minuteLater.history.at(-1)!.x).toBeGreaterThan(first.history.at(-1)!.x);
  });

  it("redraws the history when an older point changes (a reading entered in error, an amendment) or the width does", () => {
    const points = hrPoints();
    const drawing = new SeriesDrawing("hr");
    const first = drawing.draw(points, 700);
    const amended = points.map((p, i) => (i === 3000 ? { t: p.t, hr: 190 } : p));
    const after = drawing.draw(amended, 700);
    expect(after.history).not.toBe(first.history);
    expect(after.history).toContainEqual({ x: 3000 / 60, y: 190 });
    expect(drawing.draw(amended, 500).history).not.toBe(after.history);
  });
});
