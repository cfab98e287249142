import { Link } from "react-router";
import type { PatientCourse } from "../../../../shared/schemas/course.ts";
import { formatDateTime } from "../../../lib/time.ts";

type CourseWithInfusions = PatientCourse["courses"][number];

const caption = (c: CourseWithInfusions) =>
  `${c.kind === "induction" ? "Induction" : "Maintenance"} course (${c.status})` +
  (c.startedBy ? `, started by ${c.startedBy.displayName}` : "") +
  (c.reason ? `: ${c.reason}` : "");

/** One course's infusions: PHQ-9, MADRS, peak BP, alerts, side effects and clearances per infusion. */
export function InfusionsTable({ course }: { course: CourseWithInfusions }) {
  return (
    <div className="table-scroll">
      <table className="readings">
        <caption>{caption(course)}</caption>
        <thead>
          <tr>
            <th scope="col">Infusion</th>
            <th scope="col">Date</th>
            <th scope="col">PHQ-9</th>
            <th scope="col">MADRS</th>
            <th scope="col">Peak BP</th>
            <th scope="col">Alerts</th>
            <th scope="col">Side effects</th>
            <th scope="col">Clearances</th>
          </tr>
        </thead>
        <tbody>
          {course.infusions.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                No infusions yet.
              </td>
            </tr>
          ) : null}
          {course.infusions.map((i) => (
            <tr key={i.sessionId}>
              <th scope="row">
                <Link to={`/sessions/${i.sessionId}`}>{i.label}</Link>
              </th>
              <td>{formatDateTime(i.createdAt)}</td>
              <td>{i.phq9 ?? "—"}</td>
              <td>{i.madrs ?? "—"}</td>
              <td>{i.peakSbp === null ? "—" : `${i.peakSbp}/${i.peakDbp ?? "—"}`}</td>
              <td>{i.alertsCount}</td>
              <td>{i.sideEffects.join(", ") || "none"}</td>
              <td>
                {i.clearances.length === 0
                  ? "none"
                  : i.clearances
                      .map((c) => `${c.subject}: ${c.clearedBy.displayName} — ${c.reason}`)
                      .join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
