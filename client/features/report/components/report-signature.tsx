import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatDateTime } from "../../../lib/time.ts";

/** The discharge signature: signer, time, the meaning they signed, and their note. */
export function ReportSignature({ detail }: { detail: SessionDetail }) {
  const { discharge } = detail;
  return (
    <section aria-labelledby="report-signature" className="report-section">
      <h2 id="report-signature">Discharge</h2>
      {discharge ? (
        <dl className="report-facts">
          <div>
            <dt>Signed by</dt>
            <dd>{discharge.signedBy.displayName}</dd>
          </div>
          <div>
            <dt>Signed at</dt>
            <dd>{formatDateTime(discharge.signedAt)}</dd>
          </div>
          <div className="wide">
            <dt>Meaning of the signature</dt>
            <dd>{discharge.meaning}</dd>
          </div>
          {discharge.note ? (
            <div className="wide">
              <dt>Note</dt>
              <dd>{discharge.note}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>Not yet discharged: this report is provisional.</p>
      )}
    </section>
  );
}
