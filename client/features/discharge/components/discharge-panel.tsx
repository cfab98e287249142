import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import type { Role } from "../../../../shared/schemas/user.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatClock } from "../../../lib/time.ts";
import { canRecord, canSignDischarge } from "../../auth/roles.ts";
import { useDischargeReadiness } from "../api/get-discharge-readiness.ts";
import { ChecklistForm } from "./checklist-form.tsx";
import { CriteriaList, CriterionStatus } from "./criteria-list.tsx";
import { PadssScore } from "./padss-score.tsx";
import { SignForm } from "./sign-form.tsx";

/**
 * In recovery: discharge readiness as the server evaluates it (criteria with reasons, the nurse's
 * checklist, the modified PADSS), and for the physician the signature with override reasons.
 */
export function DischargePanel({ detail, role }: { detail: SessionDetail; role: Role }) {
  const sessionId = detail.session.id;
  const inRecovery = detail.session.phase === "recovery";
  const { data: readiness, error } = useDischargeReadiness(sessionId, detail.dischargeReadiness, inRecovery);
  if (!inRecovery) return null;
  return (
    <section aria-labelledby="discharge-heading" className="panel discharge">
      <h2 id="discharge-heading">Discharge</h2>
      <ErrorBanner error={error} title="Could not evaluate the discharge criteria" />
      {readiness ? (
        <>
          <p className="readiness-summary" aria-live="polite">
            <CriterionStatus met={readiness.ready} />{" "}
            {readiness.ready
              ? "Ready for discharge: every criterion is met."
              : `Not ready: ${readiness.unmet.length} unmet (evaluated ${formatClock(readiness.evaluatedAt)}).`}
          </p>
          <h3>Automatic criteria</h3>
          <CriteriaList label="Discharge criteria" criteria={readiness.criteria} />
          <ChecklistForm
            key={readiness.checklist.updatedAt ?? "none"}
            sessionId={sessionId}
            checklist={readiness.checklist}
            editable={canRecord(role)}
          />
          <PadssScore padss={readiness.padss} />
          {canSignDischarge(role) ? (
            <SignForm sessionId={sessionId} unmet={readiness.unmet} />
          ) : (
            <p>Awaiting the physician’s discharge signature.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
