import type { VitalsReading } from "../../../../shared/schemas/vitals.ts";
import { formatDateTime } from "../../../lib/time.ts";

const dash = (v: number | null) => (v === null ? "—" : String(v));

/** Every reading of the session, in clinical time order, with who recorded it and when. */
export function ReportReadings({ readings }: { readings: VitalsReading[] }) {
  return (
    <section aria-labelledby="report-readings" className="report-section">
      <h2 id="report-readings">Vital signs ({readings.length})</h2>
      {readings.length === 0 ? (
        <p>No readings recorded.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Observed</th>
              <th scope="col">Source</th>
              <th scope="col">BP (mmHg)</th>
              <th scope="col">MAP</th>
              <th scope="col">HR (bpm)</th>
              <th scope="col">SpO2 (%)</th>
              <th scope="col">RR (/min)</th>
              <th scope="col">Recorded by</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.observedAt)}</td>
                <td>{r.source}</td>
                <td>{r.sbp !== null && r.dbp !== null ? `${r.sbp}/${r.dbp}` : "—"}</td>
                <td>{dash(r.map)}</td>
                <td>{dash(r.hr)}</td>
                <td>{dash(r.spo2)}</td>
                <td>{dash(r.rr)}</td>
                <td>{r.recordedBy.displayName}</td>
                <td>{formatDateTime(r.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
