import { useParams } from "react-router";
import { isLocked } from "../../../shared/clinical/phases.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { useAlertContext } from "../../features/alerts/api/get-alert-context.ts";
import { AlertList } from "../../features/alerts/components/alert-list.tsx";
import { AuditTrailPanel } from "../../features/audit/components/audit-trail-panel.tsx";
import { canAcknowledge, canDismissUnconfirmed, canRecord } from "../../features/auth/roles.ts";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { AddendaPanel } from "../../features/discharge/components/addenda-panel.tsx";
import { DischargePanel } from "../../features/discharge/components/discharge-panel.tsx";
import { useDischargeSync } from "../../features/discharge/use-discharge-sync.ts";
import { ObservationForm } from "../../features/observations/components/observation-form.tsx";
import { ObservationList } from "../../features/observations/components/observation-list.tsx";
import { SessionThresholdsPanel } from "../../features/profiles/components/session-thresholds-panel.tsx";
import { useSessionRoom } from "../../features/realtime/use-room.ts";
import { sessionDetailKey, useSession } from "../../features/sessions/api/get-session.ts";
import { LockedBanner } from "../../features/sessions/components/locked-banner.tsx";
import { PhaseControls } from "../../features/sessions/components/phase-controls.tsx";
import { SessionHeader } from "../../features/sessions/components/session-header.tsx";
import { ReadingsTable } from "../../features/vitals/components/readings-table.tsx";
import { VitalsCharts } from "../../features/vitals/components/vitals-charts.tsx";
import { VitalsForm } from "../../features/vitals/components/vitals-form.tsx";
import { useTitle } from "../../lib/use-title.ts";

/** The chairside page: header, phase, alerts, entry forms, trends, readings, discharge. Lazy-loaded. */
export default function SessionRoute() {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const { data: detail, error, isPending } = useSession(id);
  const joinError = useSessionRoom(id, sessionDetailKey(id));
  const profile = useAlertContext(id).data?.profile;
  useDischargeSync(id);
  useTitle(detail ? `${detail.patient.fullName} · Chair ${detail.session.chair}` : "Session");
  if (isPending) return <p className="muted">Loading session…</p>;
  if (!detail) {
    return (
      <>
        <h1>Session</h1>
        <ErrorBanner error={error} title="Could not load the session" />
      </>
    );
  }
  const editable = canRecord(user.role) && !isLocked(detail.session.phase);
  return (
    <div className="session-page">
      <SessionHeader detail={detail} />
      <LockedBanner detail={detail} />
      <AddendaPanel detail={detail} canAdd={canRecord(user.role)} />
      <ErrorBanner error={error} title="Could not refresh the session" />
      <ErrorBanner error={joinError} title="Live updates unavailable" />
      {editable ? <PhaseControls session={detail.session} /> : null}
      {user.role === "admin" ? <p className="muted">Read-only access (admin).</p> : null}
      {/* Alerts come first: the physician must see them without scrolling, whatever else is on the page. */}
      <section aria-labelledby="alerts-heading" className="panel">
        <h2 id="alerts-heading">Alerts</h2>
        <AlertList
          alerts={detail.alerts}
          canAcknowledge={canAcknowledge(user.role)}
          canDismiss={canDismissUnconfirmed(user.role)}
        />
      </section>
      <SessionThresholdsPanel
        sessionId={detail.session.id}
        canOverride={user.role === "physician" && !isLocked(detail.session.phase)}
      />
      <AuditTrailPanel sessionId={detail.session.id} role={user.role} />
      <div className="session-grid">
        <div className="session-entry">
          {editable ? <VitalsForm key={`vitals-${detail.session.id}`} sessionId={detail.session.id} /> : null}
          {editable ? (
            <ObservationForm key={`observation-${detail.session.id}`} sessionId={detail.session.id} />
          ) : null}
          <DischargePanel detail={detail} role={user.role} />
        </div>
        <div className="session-data">
          <VitalsCharts detail={detail} />
          <ReadingsTable readings={detail.vitals} profile={profile} canAmend={editable} />
          <ObservationList observations={detail.observations} canAmend={editable} />
        </div>
      </div>
    </div>
  );
}
