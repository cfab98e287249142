import { type Level, levelForValue } from "../../../../shared/clinical/alert-rules.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import type { VitalParameter, VitalsReading } from "../../../../shared/schemas/vitals.ts";
import { formatClock } from "../../../lib/time.ts";
import { priorityDisplay } from "../../alerts/alert-display.ts";

function worst(levels: (Level | null)[]): Level | null {
  return levels.reduce<Level | null>(
    (w, l) => (l && (!w || priorityRank[l.priority] > priorityRank[w.priority]) ? l : w),
    null,
  );
}

function Cell({ text, level }: { text: string; level: Level | null }) {
  if (!level) return <td>{text}</td>;
  const { icon, text: priority } = priorityDisplay[level.priority];
  return (
    <td className={`cell-${level.priority}`}>
      {text} <span aria-hidden="true">{icon}</span>
      <span className="visually-hidden"> ({priority.toLowerCase()})</span>
    </td>
  );
}

function VitalCell({ parameter, value }: { parameter: VitalParameter; value: number | null }) {
  if (value === null) return <td>—</td>;
  return <Cell text={String(value)} level={levelForValue(parameter, value)} />;
}

/** Blood pressure as one "SBP/DBP" cell, marked with the worse of the two levels. */
function BpCell({ sbp, dbp }: { sbp: number | null; dbp: number | null }) {
  if (sbp === null || dbp === null) return <td>—</td>;
  return (
    <Cell text={`${sbp}/${dbp}`} level={worst([levelForValue("sbp", sbp), levelForValue("dbp", dbp)])} />
  );
}

export function ReadingsTable({ readings }: { readings: readonly VitalsReading[] }) {
  const newestFirst = [...readings].reverse();
  return (
    <section aria-labelledby="readings-heading" className="panel">
      <h2 id="readings-heading">Readings ({readings.length})</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No readings yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="readings">
            <caption className="visually-hidden">Vital-sign readings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">BP (mmHg)</th>
                <th scope="col">MAP</th>
                <th scope="col">HR</th>
                <th scope="col">SpO2</th>
                <th scope="col">RR</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <time dateTime={r.observedAt}>{formatClock(r.observedAt)}</time>
                  </th>
                  <BpCell sbp={r.sbp} dbp={r.dbp} />
                  <td>{r.map ?? "—"}</td>
                  <VitalCell parameter="hr" value={r.hr} />
                  <VitalCell parameter="spo2" value={r.spo2} />
                  <VitalCell parameter="rr" value={r.rr} />
                  <td>
                    {r.recordedBy.displayName}
                    {r.source === "monitor" ? " (monitor)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
