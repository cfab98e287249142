import type { Observation } from "../../../../shared/schemas/observation.ts";
import { observationTypeLabels } from "../../../../shared/schemas/observation.ts";
import { formatClock } from "../../../lib/time.ts";

function detail(o: Observation): string {
  if (o.type === "sedation" && o.moaas !== null) return `MOAA/S ${o.moaas}`;
  return o.severity ? o.severity[0]!.toUpperCase() + o.severity.slice(1) : "";
}

export function ObservationList({ observations }: { observations: readonly Observation[] }) {
  const newestFirst = [...observations].reverse();
  return (
    <section aria-labelledby="observations-heading" className="panel">
      <h2 id="observations-heading">Observations ({observations.length})</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No observations yet.</p>
      ) : (
        <ul aria-label="Observations" className="plain-list">
          {newestFirst.map((o) => (
            <li key={o.id}>
              <time dateTime={o.observedAt}>{formatClock(o.observedAt)}</time>{" "}
              <strong>{observationTypeLabels[o.type]}</strong> {detail(o)}
              {o.note ? ` — ${o.note}` : ""} <span className="muted">by {o.recordedBy.displayName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
