import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { type ChartMarker, type ChartPoint, domainCovering, type YDomain } from "../chart-data.ts";
import type { XY } from "../lttb.ts";
import { type DrawnSeries, SeriesDrawing, type SeriesKey } from "../lttb-chart-series.ts";
import { VitalsChartLines } from "./vitals-chart-lines.tsx";

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
  key: SeriesKey;
  name: string;
  color: string;
  dashed?: boolean;
}

interface Props {
  caption: string;
  points: readonly ChartPoint[];
  markers: ChartMarker[];
  maxT: number;
  series: Series[];
  yDomain: YDomain;
  unit: string;
}

const chartHeight = 200;
const margin = { top: 16, right: 16, bottom: 4, left: 0 };
const yAxisWidth = 64;
/** Before layout (and in jsdom) the chart assumes a common panel width. */
const fallbackWidth = 800;
/** Sparse (manual) series are recharts lines with dots and tooltip; dense monitor data a plain path. */
const maxPointsWithDots = 120;
const isSparse = (d: DrawnSeries) => d.history.length + d.recent.length <= maxPointsWithDots;
const axisTick = { fill: chartColors.axis, fontSize: 13 };
const tooltipStyle = { background: "#2a2e35", border: "1px solid #5f6670", color: "#e3e5e8" };

/**
 * The chart body's width, measured before the first paint; null until then, so the chart is drawn once at
 * its real width instead of once at a guess and again after measuring.
 */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.clientWidth);
      setWidth(w > 0 ? w : fallbackWidth);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

interface Drawn extends DrawnSeries {
  series: Series;
}

/** Each series' drawing, kept from one render to the next so a new reading redraws only the recent window. */
function useSeriesDrawings(series: Series[]): Map<SeriesKey, SeriesDrawing> {
  const ref = useRef(new Map<SeriesKey, SeriesDrawing>());
  for (const s of series) if (!ref.current.has(s.key)) ref.current.set(s.key, new SeriesDrawing(s.key));
  return ref.current;
}

/** The recent window drawn on from the history's last point, so the two paths meet. */
function joined(history: readonly XY[], recent: readonly XY[]): readonly XY[] {
  const last = history.at(-1);
  return last === undefined ? recent : [last, ...recent];
}

/**
 * One vital-sign chart over minutes since session start, as a captioned figure. Each series is
 * downsampled to the plot's pixel width (every bucket's min and max kept, the last minutes whole), so a
 * 2-hour 1 Hz session draws about as fast as a short one. A dense series is two paths: the history, which
 * holds still between minute boundaries (a new reading skips it), and the recent window; memoised so
 * unchanged props do not redraw.
 */
export const VitalsChart = memo(function VitalsChart({
  caption,
  points,
  markers,
  maxT,
  series,
  yDomain,
  unit,
}: Props) {
  const [bodyRef, width] = useWidth();
  const plotWidth = width === null ? null : Math.max(100, width - yAxisWidth - margin.left - margin.right);
  const drawings = useSeriesDrawings(series);
  const drawn = useMemo<Drawn[]>(
    () =>
      plotWidth === null
        ? []
        : series.map((s) => ({ series: s, ...drawings.get(s.key)!.draw(points, plotWidth) })),
    [points, series, plotWidth, drawings],
  );
  const xDomain = useMemo(() => [0, maxT], [maxT]);
  // recharts builds no x scale without chart data: two anchors at the ends of the time axis suffice.
  const anchors = useMemo(() => [{ x: 0 }, { x: maxT }], [maxT]);
  const [yLow, yHigh] = domainCovering(
    yDomain,
    drawn.flatMap((d) => [d.history, d.recent]),
  );
  // The tooltip reads recharts <Line>s only: dense paths have none to show, and it costs a mount.
  const hasSparse = drawn.some(isSparse);
  // Axes, grid and markers change about once a minute; built once per change, React skips them otherwise.
  const frame = useMemo(() => {
    const yRange = [yLow, yHigh];
    return (
      <>
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={xDomain}
          unit=" min"
          stroke={chartColors.axis}
          tick={axisTick}
          allowDecimals={false}
        />
        <YAxis
          type="number"
          domain={yRange}
          allowDataOverflow
          unit={unit}
          stroke={chartColors.axis}
          tick={axisTick}
          width={yAxisWidth}
        />
        {hasSparse ? <Tooltip contentStyle={tooltipStyle} /> : null}
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
      </>
    );
  }, [xDomain, yLow, yHigh, unit, markers, hasSparse]);
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
      <div aria-hidden="true" className="chart-body" ref={bodyRef} style={{ minHeight: chartHeight }}>
        {width === null ? null : (
          <LineChart
            data={anchors}
            width={width}
            height={chartHeight}
            margin={margin}
            accessibilityLayer={false}
          >
            {frame}
            {drawn.filter(isSparse).map(({ series: s, history, recent }) => (
              <Line
                key={s.key}
                data={[...history, ...recent]}
                type="monotone"
                dataKey="y"
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
            <VitalsChartLines
              lines={drawn
                .filter((d) => !isSparse(d))
                .map(({ series: s, history, recent }) => ({
                  key: s.key,
                  parts: [history, joined(history, recent)],
                  color: s.color,
                  dashed: s.dashed,
                }))}
            />
          </LineChart>
        )}
      </div>
    </figure>
  );
});
