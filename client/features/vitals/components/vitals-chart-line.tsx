import { memo } from "react";
import { useXAxisScale, useYAxisScale } from "recharts";
import type { XY } from "../lttb.ts";

/** A pixel coordinate to 0.1 px; rounding a number is several times faster than toFixed. */
const tenths = (n: number) => Math.round(n * 10) / 10;

interface Props {
  data: readonly XY[];
  color: string;
  dashed?: boolean;
}

/**
 * A dense series (monitor data) as one SVG path on the chart's own axes. recharts' <Line> spends several
 * microseconds of bookkeeping per point (labels, animation matching), too slow for a 2-hour 1 Hz session
 * to update within a frame; the axes, grid, markers and sparse manual series stay recharts'.
 */
export const VitalsChartLine = memo(function VitalsChartLine({ data, color, dashed }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale || data.length === 0) return null;
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
