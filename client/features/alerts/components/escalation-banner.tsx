import { Link } from "react-router";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { useNow } from "../../../lib/use-now.ts";
import { useSessions } from "../../sessions/api/list-sessions.ts";
import { useEscalatedAlerts } from "../use-escalated-alerts.ts";

function whereOf(alert: Alert, summaries: readonly SessionSummary[] | undefined): string {
  const s = summaries?.find((x) => x.session.id === alert.sessionId);
  return s ? `Chair ${s.session.chair} — ${s.patient.fullName}` : "Open session";
}

/** Whole minutes since the alert was raised, unacknowledged all along. */
export function minutesUnacknowledged(alert: Alert, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(alert.raisedAt)) / 60_000));
}

/**
 * Escalated alerts nobody has acknowledged, across every session, on every page: announced at once.
 * Each links to its session page, where the physician acknowledges it.
 */
export function EscalationBanner() {
  const alerts = useEscalatedAlerts();
  const { data: summaries } = useSessions({ status: "active" });
  const now = useNow();
  if (alerts.length === 0) return null;
  return (
    <div role="alert" aria-label="Escalated alerts" className="escalation-banner">
      <ul className="escalation-list">
        {alerts.map((a) => (
          <li key={a.id}>
            <strong>
              <span aria-hidden="true">⚠ </span>ESCALATED:
            </strong>{" "}
            <Link to={`/sessions/${a.sessionId}`} className="escalation-link">
              {whereOf(a, summaries)}
            </Link>{" "}
            — {a.message}, unacknowledged {minutesUnacknowledged(a, now)} min
          </li>
        ))}
      </ul>
    </div>
  );
}
