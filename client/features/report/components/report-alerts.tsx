import type { Alert } from "../../../../shared/schemas/alert.ts";
import { formatDateTime } from "../../../lib/time.ts";

const when = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

/** Every alert with its priority, escalation, acknowledgement (who, when, note) and clearing. */
export function ReportAlerts({ alerts }: { alerts: Alert[] }) {
  const ordered = [...alerts].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
  return (
    <section aria-labelledby="report-alerts" className="report-section">
      <h2 id="report-alerts">Alerts ({alerts.length})</h2>
      {ordered.length === 0 ? (
        <p>No alerts were raised.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Raised</th>
              <th scope="col">Priority</th>
              <th scope="col">Alert</th>
              <th scope="col">Escalated</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Cleared</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.raisedAt)}</td>
                <td>{a.priority.toUpperCase()}</td>
                <td>{a.message}</td>
                <td>{when(a.escalatedAt)}</td>
                <td>
                  {a.acknowledgedAt
                    ? `${formatDateTime(a.acknowledgedAt)} by ${a.acknowledgedBy?.displayName ?? "unknown"}${
                        a.acknowledgementNote ? ` — ${a.acknowledgementNote}` : ""
                      }`
                    : "not acknowledged"}
                </td>
                <td>{a.status === "cleared" ? when(a.clearedAt) : "open"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
