import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { PatientCourse } from "../../../../shared/schemas/course.ts";

const colors = { grid: "#3a3f47", axis: "#b4bac4", phq9: "#8ab4f8", madrs: "#fdd663" };

/**
 * PHQ-9 and MADRS across the course, one point per score in time order. The chart is decorative for
 * assistive technology: the same values are in the infusions table beside it.
 */
export default function OutcomeChart({ outcomes }: { outcomes: PatientCourse["outcomes"] }) {
  const points = outcomes.map((o, i) => ({
    n: i + 1,
    name: o.label || new Date(o.recordedAt).toLocaleDateString(),
    phq9: o.instrument === "phq9" ? o.total : null,
    madrs: o.instrument === "madrs" ? o.total : null,
  }));
  return (
    <figure className="chart" aria-label="PHQ-9 and MADRS across the course">
      <figcaption>
        PHQ-9 (0-27) and MADRS (0-60) across the course{" "}
        <span className="legend">
          <span className="legend-item">
            <span className="legend-swatch" style={{ background: colors.phq9 }} aria-hidden="true" /> PHQ-9
          </span>
          <span className="legend-item">
            <span className="legend-swatch" style={{ background: colors.madrs }} aria-hidden="true" /> MADRS
          </span>
        </span>
      </figcaption>
      <div aria-hidden="true" className="chart-body">
        <LineChart responsive style={{ width: "100%", height: 220 }} data={points} accessibilityLayer={false}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="name" stroke={colors.axis} tick={{ fill: colors.axis, fontSize: 12 }} />
          <YAxis
            domain={[0, 60]}
            stroke={colors.axis}
            tick={{ fill: colors.axis, fontSize: 12 }}
            width={40}
          />
          <Tooltip contentStyle={{ background: "#2a2e35", border: "1px solid #5f6670", color: "#e3e5e8" }} />
          <Line
            dataKey="phq9"
            name="PHQ-9"
            stroke={colors.phq9}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="madrs"
            name="MADRS"
            stroke={colors.madrs}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    </figure>
  );
}
