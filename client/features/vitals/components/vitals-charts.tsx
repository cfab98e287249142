import { useMemo } from "react";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { chartMarkers, chartMaxT, chartPoints } from "../chart-data.ts";
import { chartColors, type Series, VitalsChart } from "./vitals-chart.tsx";

// Module constants, so the memoised charts see the same props from one render to the next.
const bpSeries: Series[] = [
  { key: "sbp", name: "Systolic", color: chartColors.sbp },
  { key: "dbp", name: "Diastolic", color: chartColors.dbp },
  { key: "map", name: "MAP", color: chartColors.map, dashed: true },
];
const hrSeries: Series[] = [{ key: "hr", name: "Heart rate", color: chartColors.hr }];
const spo2Series: Series[] = [{ key: "spo2", name: "SpO2", color: chartColors.spo2 }];
const from40: [number, "auto"] = [40, "auto"];
const spo2Domain: [number, number] = [80, 100];

/** BP, HR and SpO2 over the session; solid blue lines mark infusion start/stop, dotted purple ones observations. */
export function VitalsCharts({ detail }: { detail: SessionDetail }) {
  const { vitals, session, observations } = detail;
  // A new reading leaves the markers (and so the memoised reference lines) as they were.
  const points = useMemo(() => chartPoints(vitals, session.createdAt), [vitals, session.createdAt]);
  const markers = useMemo(() => chartMarkers(session, observations), [session, observations]);
  const maxT = chartMaxT(points, markers);
  return (
    <section aria-labelledby="charts-heading" className="panel charts">
      <h2 id="charts-heading">Trends</h2>
      <p className="muted">
        Minutes since session start. Solid vertical lines: infusion start and stop; dotted: observations.
      </p>
      <VitalsChart
        points={points}
        markers={markers}
        maxT={maxT}
        caption="Blood pressure (mmHg)"
        unit=""
        yDomain={from40}
        series={bpSeries}
      />
      <VitalsChart
        points={points}
        markers={markers}
        maxT={maxT}
        caption="Heart rate (bpm)"
        unit=""
        yDomain={from40}
        series={hrSeries}
      />
      <VitalsChart
        points={points}
        markers={markers}
        maxT={maxT}
        caption="SpO2 (%)"
        unit=""
        yDomain={spo2Domain}
        series={spo2Series}
      />
    </section>
  );
}
