import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartMarker, ChartPoint } from "../chart-data.ts";

/** SVG attributes cannot read CSS variables: the chart palette mirrors theme.css. */
export const chartColors = {
  grid: "#3a3f47",
  axis: "#b4bac4",
  infusion: "#8ab4f8",
  observation: "#c9a0f2",
  sbp: "#f28b82",
  dbp: "#fdd663",
  map: "#a8dab5",
  hr: "#78d9ec",
  spo2: "#81c995",
};

export interface Series {
  key: keyof Omit<ChartPoint, "t">;
  name: string;
  color: string;
  dashed?: boolean;
}

interface Props {
  caption: string;
  points: ChartPoint[];
  markers: ChartMarker[];
  maxT: number;
  series: Series[];
  yDomain: [number | "auto", number | "auto"];
  unit: string;
}

/** One vital-sign chart over minutes since session start, as a captioned figure. */
export function VitalsChart({ caption, points, markers, maxT, series, yDomain, unit }: Props) {
  return (
    <figure className="chart">
      <figcaption>
        {caption}{" "}
        <span className="legend">
          {series.map((s) => (
            <span key={s.key} className="legend-item">
              <span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <div aria-hidden="true" className="chart-body">
        <LineChart
          responsive
          style={{ width: "100%", height: 200 }}
          data={points}
          margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="t"
            domain={[0, maxT]}
            unit=" min"
            stroke={chartColors.axis}
            tick={{ fill: chartColors.axis, fontSize: 13 }}
            allowDecimals={false}
          />
          <YAxis
            domain={yDomain}
            unit={unit}
            stroke={chartColors.axis}
            tick={{ fill: chartColors.axis, fontSize: 13 }}
            width={64}
          />
          <Tooltip contentStyle={{ background: "#2a2e35", border: "1px solid #5f6670", color: "#e3e5e8" }} />
          {markers.map((m) => (
            <ReferenceLine
              key={`${m.kind}-${m.t}-${m.label}`}
              x={m.t}
              stroke={m.kind === "infusion" ? chartColors.infusion : chartColors.observation}
              strokeDasharray={m.kind === "infusion" ? undefined : "2 4"}
              label={
                m.kind === "infusion"
                  ? { value: m.label, fill: chartColors.infusion, fontSize: 12, position: "insideTopLeft" }
                  : undefined
              }
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
}
