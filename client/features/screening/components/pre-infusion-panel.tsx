import { useState } from "react";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { canRecord } from "../../auth/roles.ts";
import { useCurrentUser } from "../../auth/use-current-user.ts";
import { MadrsForm } from "../../courses/components/madrs-form.tsx";
import { Phq9Form } from "../../courses/components/phq9-form.tsx";
import { usePreInfusion } from "../api/get-pre-infusion.ts";
import { GateStatus } from "./gate-status.tsx";
import { ScreeningChecklist } from "./screening-checklist.tsx";

/**
 * Before the infusion: the baseline gate and screening status, the checklist, the PHQ-9 (and MADRS).
 * Afterwards: the clearances and scores stay visible on the session page.
 */
export function PreInfusionPanel({ detail }: { detail: SessionDetail }) {
  const user = useCurrentUser();
  const { session } = detail;
  const before = session.phase === "pre_infusion";
  const readingsVersion = `${detail.vitals.length}:${detail.vitals.at(-1)?.id ?? ""}`;
  const { data: status, error } = usePreInfusion(session.id, readingsVersion, before);
  const [showPhq9, setShowPhq9] = useState(false);
  const editable = before && canRecord(user.role);
  const scores = status?.outcomes ?? [];
  if (!before && status && status.clearances.length === 0 && scores.length === 0 && !status.screening)
    return null;

  return (
    <section aria-labelledby="pre-infusion-heading" className="panel">
      <h2 id="pre-infusion-heading">Pre-infusion checks</h2>
      <ErrorBanner error={error} title="Could not load the pre-infusion checks" />
      {status ? (
        <>
          <GateStatus
            sessionId={session.id}
            status={status}
            beforeInfusion={before}
            canClear={user.role === "physician"}
          />
          <p>
            Screening:{" "}
            {status.screening
              ? `recorded by ${status.screening.recordedBy.displayName}` +
                (status.screening.blocking.length
                  ? ` (${status.screening.blocking.length} blocking)`
                  : " (nothing blocking)")
              : "not recorded"}
            {" · "}Scores:{" "}
            {scores.length === 0
              ? "none yet"
              : scores
                  .map((s) => `${s.instrument === "phq9" ? "PHQ-9" : "MADRS"} ${s.total} (${s.severity})`)
                  .join(", ")}
          </p>
          {editable ? (
            <details className="disclosure" open={!status.screening}>
              <summary>Screening checklist</summary>
              <ScreeningChecklist
                key={status.screening?.id ?? "new"}
                sessionId={session.id}
                status={status}
              />
            </details>
          ) : null}
          {editable ? (
            <details
              className="disclosure"
              open={showPhq9}
              onToggle={(e) => setShowPhq9(e.currentTarget.open)}
            >
              <summary>PHQ-9 and MADRS</summary>
              <Phq9Form sessionId={session.id} />
              <MadrsForm sessionId={session.id} />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
