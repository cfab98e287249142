import { useState } from "react";
import { type LevelMatch, matchLevel } from "../../../../shared/clinical/engine/levels.ts";
import { defaultProfile, type ThresholdProfile } from "../../../../shared/clinical/engine/profile.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import type { VitalParameter, VitalsReading } from "../../../../shared/schemas/vitals.ts";
import { formatClock } from "../../../lib/time.ts";
import { priorityDisplay } from "../../alerts/alert-display.ts";
import { ReadingErrorDialog } from "./reading-error-dialog.tsx";

function worst(levels: (LevelMatch | null)[]): LevelMatch | null {
  return levels.reduce<LevelMatch | null>(
    (w, l) => (l && (!w || priorityRank[l.priority] > priorityRank[w.priority]) ? l : w),
    null,
  );
}

function Cell({ text, level }: { text: string; level: LevelMatch | null }) {
  if (!level) return <td>{text}</td>;
  const { icon, text: priority } = priorityDisplay[level.priority];
  return (
    <td className={`cell-${level.priority}`}>
      {text} <span aria-hidden="true">{icon}</span>
      <span className="visually-hidden"> ({priority.toLowerCase()})</span>
    </td>
  );
}

/** The plain limits a value meets (no baseline or confirmation: those are the alert list's job). */
const levelOf = (parameter: VitalParameter, value: number, profile: ThresholdProfile) =>
  matchLevel(parameter, value, { t: 0 }, profile);

function VitalCell({
  parameter,
  value,
  profile,
}: {
  parameter: VitalParameter;
  value: number | null;
  profile: ThresholdProfile;
}) {
  if (value === null) return <td>—</td>;
  return <Cell text={String(value)} level={levelOf(parameter, value, profile)} />;
}

/** Blood pressure as one "SBP/DBP" cell, marked with the worse of the two levels. */
function BpCell({
  sbp,
  dbp,
  profile,
}: {
  sbp: number | null;
  dbp: number | null;
  profile: ThresholdProfile;
}) {
  if (sbp === null || dbp === null) return <td>—</td>;
  const level = worst([levelOf("sbp", sbp, profile), levelOf("dbp", dbp, profile)]);
  return <Cell text={`${sbp}/${dbp}`} level={level} />;
}

/** A reading entered in error: every value struck through, the reason in words (screen readers too). */
function AmendedRow({ r }: { r: VitalsReading }) {
  const amendment = r.enteredInError;
  const struck = (text: string | number | null) => <del>{text ?? "—"}</del>;
  return (
    <tr className="entered-in-error">
      <th scope="row">
        <span className="visually-hidden">Entered in error: </span>
        <del>
          <time dateTime={r.observedAt}>{formatClock(r.observedAt)}</time>
        </del>
      </th>
      <td>{struck(r.sbp !== null && r.dbp !== null ? `${r.sbp}/${r.dbp}` : null)}</td>
      <td>{struck(r.map)}</td>
      <td>{struck(r.hr)}</td>
      <td>{struck(r.spo2)}</td>
      <td>{struck(r.rr)}</td>
      <td>{struck(r.recordedBy.displayName)}</td>
      <td>
        Entered in error: {amendment?.reason}
        {amendment ? <span className="muted"> ({amendment.by.displayName})</span> : null}
      </td>
    </tr>
  );
}

export function ReadingsTable({
  readings,
  profile = defaultProfile,
  canAmend = false,
}: {
  readings: readonly VitalsReading[];
  profile?: ThresholdProfile;
  /** Nurse or physician on an unlocked session: may mark a reading entered in error. */
  canAmend?: boolean;
}) {
  const [amending, setAmending] = useState<VitalsReading | null>(null);
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
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((r) =>
                r.status === "entered_in_error" ? (
                  <AmendedRow key={r.id} r={r} />
                ) : (
                  <tr key={r.id}>
                    <th scope="row">
                      <time dateTime={r.observedAt}>{formatClock(r.observedAt)}</time>
                    </th>
                    <BpCell sbp={r.sbp} dbp={r.dbp} profile={profile} />
                    <td>{r.map ?? "—"}</td>
                    <VitalCell parameter="hr" value={r.hr} profile={profile} />
                    <VitalCell parameter="spo2" value={r.spo2} profile={profile} />
                    <VitalCell parameter="rr" value={r.rr} profile={profile} />
                    <td>
                      {r.recordedBy.displayName}
                      {r.source === "monitor" ? " (monitor)" : ""}
                    </td>
                    <td>
                      {r.supersedes ? <span>Correction </span> : null}
                      {canAmend ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Entered in error: reading at ${formatClock(r.observedAt)}`}
                          onClick={() => setAmending(r)}
                        >
                          Entered in error
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {amending ? <ReadingErrorDialog reading={amending} onClose={() => setAmending(null)} /> : null}
    </section>
  );
}
