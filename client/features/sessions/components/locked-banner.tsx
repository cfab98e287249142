import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatDateTime } from "../../../lib/time.ts";

/** Shown once discharged: the record is locked and every entry control is gone. */
export function LockedBanner({ detail }: { detail: SessionDetail }) {
  const { discharge, session } = detail;
  if (session.phase !== "discharged") return null;
  return (
    <section aria-label="Record locked" className="banner banner-locked">
      <p>
        <strong>Discharged — record locked (read-only).</strong>
      </p>
      {discharge ? (
        <p>
          Discharge signed by {discharge.signedBy.displayName} at {formatDateTime(discharge.signedAt)}.
          {discharge.note ? ` Note: ${discharge.note}` : ""}
        </p>
      ) : session.dischargedAt ? (
        <p>Discharged at {formatDateTime(session.dischargedAt)}.</p>
      ) : null}
    </section>
  );
}
