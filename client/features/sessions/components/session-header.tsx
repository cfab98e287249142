import { Link } from "react-router";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useSessions } from "../api/list-sessions.ts";
import { PhaseBadge } from "./phase-badge.tsx";
import { SessionTimers } from "./session-timers.tsx";

/** Which infusion of the patient's course this is (1-based), from their session history. */
function useInfusionNumber(patientId: string, sessionId: string): number | null {
  const { data } = useSessions({ status: "all", patientId });
  if (!data) return null;
  const sorted = [...data].sort((a, b) => Date.parse(a.session.createdAt) - Date.parse(b.session.createdAt));
  const index = sorted.findIndex((s) => s.session.id === sessionId);
  return index === -1 ? null : index + 1;
}

export function SessionHeader({ detail }: { detail: SessionDetail }) {
  const { session, patient } = detail;
  const infusionNumber = useInfusionNumber(patient.id, session.id);
  return (
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
            <dt>Infusion no.</dt>
            <dd>{infusionNumber ?? "N/A"}</dd>
          </div>
          <div>
            <dt>Dose</dt>
            <dd>
              {session.doseMgPerKg} mg/kg × {session.weightKg} kg = <strong>{session.totalDoseMg} mg</strong>
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
    </section>
  );
}
