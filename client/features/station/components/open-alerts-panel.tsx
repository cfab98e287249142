import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { AlertList } from "../../alerts/components/alert-list.tsx";
import { useShownProvisionals } from "../../alerts/provisional/provisional-cache.ts";

/** Every open alert across the station, and every provisional alarm, with the chair it belongs to. */
export function OpenAlertsPanel({
  summaries,
  canAcknowledge,
  canDismiss = canAcknowledge,
}: {
  summaries: SessionSummary[];
  canAcknowledge: boolean;
  canDismiss?: boolean;
}) {
  const alerts = summaries.flatMap((s) => s.openAlerts);
  // a provisional alarm of a chair not (yet) on the list is shown too: never hidden for want of a tile
  const provisionals = useShownProvisionals();
  const where = new Map([
    ...provisionals.map((p) => [p.alarm.sessionId, `Chair ${p.alarm.chair}`] as const),
    ...summaries.map((s) => [s.session.id, `Chair ${s.session.chair}: ${s.patient.fullName}`] as const),
  ]);
  const count = alerts.length + provisionals.length;
  return (
    <section aria-labelledby="open-alerts-heading" className="panel">
      <h2 id="open-alerts-heading">Open alerts ({count})</h2>
      <AlertList
        alerts={alerts}
        provisionals={provisionals}
        canAcknowledge={canAcknowledge}
        canDismiss={canDismiss}
        contextFor={(sessionId) => where.get(sessionId) ?? ""}
        emptyText="No open alerts."
      />
    </section>
  );
}
