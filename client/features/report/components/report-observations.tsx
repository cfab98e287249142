import type { Observation } from "../../../../shared/schemas/observation.ts";
import { observationTypeLabels } from "../../../../shared/schemas/observation.ts";
import { formatDateTime } from "../../../lib/time.ts";

export function ReportObservations({ observations }: { observations: Observation[] }) {
  return (
    <section aria-labelledby="report-observations" className="report-section">
      <h2 id="report-observations">Observations ({observations.length})</h2>
      {observations.length === 0 ? (
        <p>No observations recorded.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Observed</th>
              <th scope="col">Observation</th>
              <th scope="col">Severity / MOAA/S</th>
              <th scope="col">Note</th>
              <th scope="col">Recorded by</th>
            </tr>
          </thead>
          <tbody>
            {observations.map((o) => (
              <tr key={o.id}>
                <td>{formatDateTime(o.observedAt)}</td>
                <td>{observationTypeLabels[o.type]}</td>
                <td>{o.type === "sedation" ? `MOAA/S ${o.moaas}` : (o.severity ?? "—")}</td>
                <td>{o.note ?? ""}</td>
                <td>{o.recordedBy.displayName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
