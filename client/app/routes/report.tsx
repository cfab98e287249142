import { Link, useParams } from "react-router";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ReportAlerts } from "../../features/report/components/report-alerts.tsx";
import { ReportHeader } from "../../features/report/components/report-header.tsx";
import { ReportObservations } from "../../features/report/components/report-observations.tsx";
import { ReportReadings } from "../../features/report/components/report-readings.tsx";
import { ReportSignature } from "../../features/report/components/report-signature.tsx";
import "../../features/report/report.css";
import { useSession } from "../../features/sessions/api/get-session.ts";
import { SnapshotNote } from "../../features/sessions/components/snapshot-note.tsx";
import { VitalsCharts } from "../../features/vitals/components/vitals-charts.tsx";
import { formatDateTime } from "../../lib/time.ts";
import { useTitle } from "../../lib/use-title.ts";

/** The printable session record ("Save as PDF" from the browser's print dialog). Lazy-loaded. */
export default function ReportRoute() {
  const { id = "" } = useParams();
  const { data: detail, error, isPending } = useSession(id);
  useTitle(detail ? `Report · ${detail.patient.fullName}` : "Session report");
  if (isPending) return <p className="muted">Loading report…</p>;
  if (!detail) {
    return (
      <>
        <h1>Session report</h1>
        <ErrorBanner error={error} title="Could not load the session" />
      </>
    );
  }
  return (
    <article className="session-report">
      <h1>
        Session report — {detail.patient.fullName}, chair {detail.session.chair}
      </h1>
      <p className="muted">Generated {formatDateTime(new Date().toISOString())} by Vigil.</p>
      <SnapshotNote detail={detail} />
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print / Save as PDF
        </button>{" "}
        <Link to={`/sessions/${detail.session.id}`}>Back to the session</Link>
      </p>
      <ReportHeader detail={detail} />
      <VitalsCharts detail={detail} />
      <ReportReadings readings={detail.vitals} />
      <ReportObservations observations={detail.observations} />
      <ReportAlerts alerts={detail.alerts} />
      <ReportSignature detail={detail} />
    </article>
  );
}
