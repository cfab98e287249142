import { Link } from "react-router";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useSessionCourse } from "../../courses/api/get-session-course.ts";
import { SessionOutboxStatus } from "../../outbox/components/session-outbox-status.tsx";
import { PreInfusionPanel } from "../../screening/components/pre-infusion-panel.tsx";
import { PhaseBadge } from "./phase-badge.tsx";
import { SessionTimers } from "./session-timers.tsx";
import { SnapshotNote } from "./snapshot-note.tsx";

export function SessionHeader({ detail }: { detail: SessionDetail }) {
  const { session, patient } = detail;
  const { data: course } = useSessionCourse(session.id);
  return (
    <>
      <section aria-label="Session summary" className="session-header">
        <h1>
          {patient.fullName} <span className="muted">· Chair {session.chair}</span>
        </h1>
        <div className="session-facts">
          <PhaseBadge phase={session.phase} />
          <dl className="facts">
            <div>
              <dt>MRN</dt>
              <dd>{patient.mrn}</dd>
            </div>
            <div>
              <dt>Course</dt>
              <dd>{course ? course.label : "not in a course"}</dd>
            </div>
            <div>
              <dt>Dose</dt>
              <dd>
                {session.doseMgPerKg} mg/kg × {session.weightKg} kg ={" "}
                <strong>{session.totalDoseMg} mg</strong>
              </dd>
            </div>
            <div>
              <dt>Planned</dt>
              <dd>{session.plannedDurationMin} min</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatDateTime(session.createdAt)}</dd>
            </div>
          </dl>
          <SessionTimers session={session} />
          <Link className="button" to={`/sessions/${session.id}/report`}>
            Printable report
          </Link>
        </div>
        <SessionOutboxStatus sessionId={session.id} />
      </section>
      <SnapshotNote detail={detail} />
      <PreInfusionPanel detail={detail} />
    </>
  );
}
