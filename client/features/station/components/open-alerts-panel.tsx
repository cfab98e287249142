import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { AlertList } from "../../alerts/components/alert-list.tsx";

/** Every open alert across the station, with the chair it belongs to. */
export function OpenAlertsPanel({
  summaries,
  canAcknowledge,
}: {
  summaries: SessionSummary[];
  canAcknowledge: boolean;
}) {
  const alerts = summaries.flatMap((s) => s.openAlerts);
  const where = new Map(
    summaries.map((s) => [s.session.id, `Chair ${s.session.chair}: ${s.patient.fullName}`]),
  );
  return (
    <section aria-labelledby="open-alerts-heading" className="panel">
      <h2 id="open-alerts-heading">Open alerts ({alerts.length})</h2>
      <AlertList
        alerts={alerts}
        canAcknowledge={canAcknowledge}
        contextFor={(a) => where.get(a.sessionId) ?? ""}
        emptyText="No open alerts."
      />
    </section>
  );
}
