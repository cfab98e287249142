import { memo } from "react";
import { useXAxisScale, useYAxisScale } from "recharts";
import type { XY } from "../lttb.ts";

/** A pixel coordinate to 0.1 px; rounding a number is several times faster than toFixed. */
const tenths = (n: number) => Math.round(n * 10) / 10;

type Scale = (value: number) => number | undefined;

export interface DenseLine {
  key: string;
  /** Drawn as separate paths: each keeps its own memo (the history changes once a minute, not per reading). */
  parts: readonly (readonly XY[])[];
  color: string;
  dashed?: boolean;
}

/**
 * The dense series (monitor data) of one chart as plain SVG paths on the chart's own axes. recharts'
 * <Line> spends several microseconds of bookkeeping per point (labels, animation matching), too slow for
 * a 2-hour 1 Hz session to update within a frame; the axes, grid, markers and sparse manual series stay
 * recharts'. The scales are read here once for all lines: each reader is a store subscriber.
 */
export function VitalsChartLines({ lines }: { lines: readonly DenseLine[] }) {
  const xScale = useXAxisScale() as Scale | undefined;
  const yScale = useYAxisScale() as Scale | undefined;
  if (!xScale || !yScale) return null;
  return lines.map((line) =>
    line.parts.map((data, i) => (
      <ScaledPath
        // biome-ignore lint/suspicious/noArrayIndexKey: a line's parts are positional (history, recent)
        key={`${line.key}-${i}`}
        data={data}
        xScale={xScale}
        yScale={yScale}
        color={line.color}
        dashed={line.dashed}
      />
    )),
  );
}

interface PathProps {
  data: readonly XY[];
  xScale: Scale;
  yScale: Scale;
  color: string;
  dashed?: boolean;
}

const ScaledPath = memo(function ScaledPath({ data, xScale, yScale, color, dashed }: PathProps) {
  if (data.length === 0) return null;
  let d = "";
  for (const p of data) {
    const x = xScale(p.x);
    const y = yScale(p.y);
    if (x === undefined || y === undefined) continue;
    d += `${d === "" ? "M" : "L"}${tenths(x)},${tenths(y)}`;
  }
  // recharts' own class on the group, so selectors written for <Line> (e2e waits, screenshots) still match.
  return (
    <g className="recharts-layer recharts-line">
      <path
        className="vitals-chart-line"
        d={d}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        strokeDasharray={dashed ? "5 4" : undefined}
      />
    </g>
  );
});
