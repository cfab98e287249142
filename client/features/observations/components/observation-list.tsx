import { useState } from "react";
import type { Observation } from "../../../../shared/schemas/observation.ts";
import { observationTypeLabels } from "../../../../shared/schemas/observation.ts";
import { formatClock } from "../../../lib/time.ts";
import { ObservationErrorDialog } from "./observation-error-dialog.tsx";

function detail(o: Observation): string {
  if (o.type === "sedation" && o.moaas !== null) return `MOAA/S ${o.moaas}`;
  return o.severity ? o.severity[0]!.toUpperCase() + o.severity.slice(1) : "";
}

function Entry({ o }: { o: Observation }) {
  return (
    <>
      <time dateTime={o.observedAt}>{formatClock(o.observedAt)}</time>{" "}
      <strong>{observationTypeLabels[o.type]}</strong> {detail(o)}
      {o.note ? ` — ${o.note}` : ""} <span className="muted">by {o.recordedBy.displayName}</span>
    </>
  );
}

/** Observations newest first; one entered in error is struck through with its reason, never removed. */
export function ObservationList({
  observations,
  canAmend = false,
}: {
  observations: readonly Observation[];
  canAmend?: boolean;
}) {
  const [amending, setAmending] = useState<Observation | null>(null);
  const newestFirst = [...observations].reverse();
  return (
    <section aria-labelledby="observations-heading" className="panel">
      <h2 id="observations-heading">Observations ({observations.length})</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No observations yet.</p>
      ) : (
        <ul aria-label="Observations" className="plain-list">
          {newestFirst.map((o) =>
            o.status === "entered_in_error" ? (
              <li key={o.id} className="entered-in-error">
                <span className="visually-hidden">Entered in error: </span>
                <del>
                  <Entry o={o} />
                </del>{" "}
                <span>
                  Entered in error: {o.enteredInError?.reason}
                  {o.enteredInError ? ` (${o.enteredInError.by.displayName})` : ""}
                </span>
              </li>
            ) : (
              <li key={o.id}>
                <Entry o={o} />
                {o.supersedes ? " (correction)" : ""}
                {canAmend ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Entered in error: observation at ${formatClock(o.observedAt)}`}
                      onClick={() => setAmending(o)}
                    >
                      Entered in error
                    </button>
                  </>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      {amending ? <ObservationErrorDialog observation={amending} onClose={() => setAmending(null)} /> : null}
    </section>
  );
}
