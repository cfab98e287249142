import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { chartData } from "../chart-data.ts";
import { chartColors, VitalsChart } from "./vitals-chart.tsx";

/** BP, HR and SpO2 over the session; solid blue lines mark infusion start/stop, dotted purple ones observations. */
export function VitalsCharts({ detail }: { detail: SessionDetail }) {
  const { points, markers, maxT } = chartData(detail);
  const common = { points, markers, maxT };
  return (
    <section aria-labelledby="charts-heading" className="panel charts">
      <h2 id="charts-heading">Trends</h2>
      <p className="muted">
        Minutes since session start. Solid vertical lines: infusion start and stop; dotted: observations.
      </p>
      <VitalsChart
        {...common}
        caption="Blood pressure (mmHg)"
        unit=""
        yDomain={[40, "auto"]}
        series={[
          { key: "sbp", name: "Systolic", color: chartColors.sbp },
          { key: "dbp", name: "Diastolic", color: chartColors.dbp },
          { key: "map", name: "MAP", color: chartColors.map, dashed: true },
        ]}
      />
      <VitalsChart
        {...common}
        caption="Heart rate (bpm)"
        unit=""
        yDomain={[40, "auto"]}
        series={[{ key: "hr", name: "Heart rate", color: chartColors.hr }]}
      />
      <VitalsChart
        {...common}
        caption="SpO2 (%)"
        unit=""
        yDomain={[80, 100]}
        series={[{ key: "spo2", name: "SpO2", color: chartColors.spo2 }]}
      />
    </section>
  );
}
