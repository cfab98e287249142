import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ChartPoint } from "../chart-data.ts";
import { chartColors, type Series, VitalsChart } from "./vitals-chart.tsx";

/** A 2-hour session at 1 Hz, t in minutes. */
function session(): ChartPoint[] {
  return Array.from({ length: 7200 }, (_, i) => ({ t: i / 60, sbp: 120 + (i % 7), spo2: 97 + (i % 2) }));
}

// jsdom has no layout: the chart draws at its fallback 800 px, plot area x 64..784, y 16..166.
const plot = { left: 64, width: 720, top: 16, bottom: 166 };
const xPixel = (minutes: number, maxT: number) => plot.left + (minutes / maxT) * plot.width;

function drawnVertices(container: HTMLElement): { x: number; y: number }[] {
  const paths = [...container.querySelectorAll(".vitals-chart-line, .recharts-line-curve")];
  const d = paths.map((p) => p.getAttribute("d") ?? "").join("");
  return [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

function renderChart(points: ChartPoint[], series: Series, yDomain: [number | "auto", number | "auto"]) {
  return render(
    <VitalsChart
      caption={series.name}
      points={points}
      markers={[]}
      maxT={120}
      unit=""
      yDomain={yDomain}
      series={[series]}
    />,
  );
}

describe("VitalsChart on a 2-hour 1 Hz session", () => {
  it("draws downsampled data that still reaches a single BP spike", () => {
    const points = session();
    points[3000] = { t: 50, sbp: 212 };
    const { container } = renderChart(points, { key: "sbp", name: "Systolic", color: chartColors.sbp }, [
      40,
      "auto",
    ]);
    const vertices = drawnVertices(container);
    expect(vertices.length).toBeGreaterThan(100);
    expect(vertices.length).toBeLessThan(2500);
    const top = vertices.reduce((a, b) => (b.y < a.y ? b : a));
    expect(top.x).toBeCloseTo(xPixel(50, 120), 0);
    // Y-axis labels are the end-anchored tick values (the x axis's are centred).
    const ticks = [
      ...container.querySelectorAll(".recharts-cartesian-axis-tick-value[text-anchor='end']"),
    ].map((t) => Number(t.textContent));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(212);
  });

  it("shows an SpO2 dip below the usual 80-100 scale instead of clipping it", () => {
    const points = session();
    points[4321] = { t: 4321 / 60, spo2: 72 };
    const { container } = renderChart(
      points,
      { key: "spo2", name: "SpO2", color: chartColors.spo2 },
      [80, 100],
    );
    const vertices = drawnVertices(container);
    const bottom = vertices.reduce((a, b) => (b.y > a.y ? b : a));
    expect(bottom.x).toBeCloseTo(xPixel(4321 / 60, 120), 0);
    expect(bottom.y).toBeLessThanOrEqual(plot.bottom);
    expect(vertices.length).toBeLessThan(2500);
  });

  it("keeps dots on a short manual series", () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ t: i * 5, sbp: 120 + i }));
    const { container } = renderChart(points, { key: "sbp", name: "Systolic", color: chartColors.sbp }, [
      40,
      "auto",
    ]);
    expect(container.querySelectorAll(".recharts-line-dot")).toHaveLength(12);
  });
});
