import type { PreInfusionStatus } from "../../../../shared/schemas/screening.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { ClearanceForm } from "./clearance-form.tsx";

/**
 * Whether the infusion may start, shown before the nurse clicks "Start infusion": blockers (with the
 * physician's clearance form), cautions, and every clearance recorded (who, when, why).
 */
export function GateStatus({
  sessionId,
  status,
  beforeInfusion,
  canClear,
}: {
  sessionId: string;
  status: PreInfusionStatus;
  beforeInfusion: boolean;
  canClear: boolean;
}) {
  const open = status.blockers.filter((b) => !b.cleared);
  return (
    <div className="gate-status">
      {beforeInfusion && open.length > 0 ? (
        <div role="alert" className="banner banner-error">
          <strong>Infusion blocked until a physician clears it: </strong>
          <ul className="banner-list">
            {open.map((b) => (
              <li key={b.kind}>
                {b.message}
                {canClear ? <ClearanceForm sessionId={sessionId} kind={b.kind} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {beforeInfusion && open.length === 0 ? (
        <p className="banner banner-info">
          <strong>Ready to start:</strong> {status.baselineMessage}
        </p>
      ) : null}
      {beforeInfusion && status.cautions.length > 0 ? (
        <div className="banner banner-info">
          <strong>Caution: </strong>
          <ul className="banner-list">
            {status.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.clearances.length > 0 ? (
        <ul aria-label="Clearances" className="plain-list">
          {status.clearances.map((c) => (
            <li key={c.id}>
              <strong>Cleared:</strong> {c.subject} — by {c.clearedBy.displayName},{" "}
              {formatDateTime(c.clearedAt)}. Reason: {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
