import { Link } from "react-router";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { useSessions } from "../api/list-sessions.ts";
import { PhaseBadge } from "./phase-badge.tsx";

/** A patient's sessions, newest first. */
export function SessionHistory({ patientId }: { patientId: string }) {
  const { data, error, isPending } = useSessions({ status: "all", patientId });
  const sorted = [...(data ?? [])].sort(
    (a, b) => Date.parse(b.session.createdAt) - Date.parse(a.session.createdAt),
  );
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">Sessions</h2>
      <ErrorBanner error={error} title="Could not load sessions" />
      {isPending ? <p className="muted">Loading…</p> : null}
      {data && sorted.length === 0 ? <p className="muted">No sessions yet.</p> : null}
      {sorted.length > 0 ? (
        <ul aria-label="Sessions" className="plain-list">
          {sorted.map(({ session }) => (
            <li key={session.id} className="history-item">
              <Link to={`/sessions/${session.id}`}>{formatDateTime(session.createdAt)}</Link> · Chair{" "}
              {session.chair} · {session.totalDoseMg} mg · <PhaseBadge phase={session.phase} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
