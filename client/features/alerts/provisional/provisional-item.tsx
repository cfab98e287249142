import "./provisional.css";
import { formatClock } from "../../../lib/time.ts";
import { parameterLabels } from "../alert-display.ts";
import { PriorityBadge } from "../components/priority-badge.tsx";
import { unconfirmedText } from "./provisional-display.ts";
import { ProvisionalTag } from "./provisional-tag.tsx";
import type { ProvisionalEntry } from "./reconcile.ts";

interface Props {
  entry: ProvisionalEntry;
  /** Physicians dismiss an unconfirmed alarm (on this screen only). */
  canDismiss: boolean;
  onDismiss: (id: string) => void;
  /** e.g. "Chair 3: Jane Doe" on the station panel. */
  context?: string;
}

/** A provisional alarm in the alert list: styled as an alert of its priority, with its tag. */
export function ProvisionalItem({ entry, canDismiss, onDismiss, context }: Props) {
  const { alarm } = entry;
  const label = parameterLabels[alarm.parameter];
  const unconfirmed = entry.status === "unconfirmed";
  return (
    <li
      className={`alert-item alert-${alarm.priority} alert-provisional${unconfirmed ? " alert-unconfirmed" : ""}`}
    >
      <div className="alert-head">
        <PriorityBadge priority={alarm.priority} />
        <ProvisionalTag entry={entry} />
        <span className="alert-param">{label}</span>
        {context ? <span className="alert-context">{context}</span> : null}
        <span className="muted">
          reading <time dateTime={alarm.observedAt}>{formatClock(alarm.observedAt)}</time>
        </span>
      </div>
      <p className="alert-message">{alarm.message}</p>
      {unconfirmed ? (
        <div className="provisional-actions">
          <p className="provisional-unconfirmed-text">{unconfirmedText(entry)}</p>
          {canDismiss ? (
            <button
              type="button"
              className="button"
              aria-label={`Dismiss ${label} alarm from chair ${alarm.chair}`}
              onClick={() => onDismiss(entry.id)}
            >
              Dismiss
            </button>
          ) : (
            <p className="muted">A nurse or physician dismisses it here once the patient is checked.</p>
          )}
        </div>
      ) : (
        <p className="muted">Computed as the reading arrived; the saved alert replaces it.</p>
      )}
    </li>
  );
}
