import { type FormEvent, useId, useState } from "react";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import { acknowledgeAlertRequestSchema } from "../../../../shared/schemas/alert.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { FieldError } from "../../../components/field-error.tsx";
import { formatClock } from "../../../lib/time.ts";
import { isEscalated, isLatched, parameterLabels } from "../alert-display.ts";
import { useAcknowledgeAlert } from "../api/acknowledge-alert.ts";
import { EscalatedBadge } from "./escalated-badge.tsx";
import { PriorityBadge } from "./priority-badge.tsx";

interface Props {
  alert: Alert;
  canAcknowledge: boolean;
  /** e.g. "Chair 3: Jane Doe" on the station panel. */
  context?: string;
}

function conditionText(alert: Alert): string {
  if (alert.status === "cleared")
    return alert.clearedAt ? `Cleared at ${formatClock(alert.clearedAt)}` : "Cleared";
  if (!alert.conditionPresent) return "Condition cleared — acknowledge to reset";
  return "Condition still present";
}

export function AlertItem({ alert, canAcknowledge, context }: Props) {
  const ack = useAcknowledgeAlert();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string[] | undefined>();
  const noteId = useId();
  const label = parameterLabels[alert.parameter];
  const latched = isLatched(alert);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = acknowledgeAlertRequestSchema.safeParse(note.trim() ? { note } : {});
    if (!parsed.success) return setNoteError(parsed.error.issues.map((i) => i.message));
    setNoteError(undefined);
    ack.mutate({ alertId: alert.id, note: parsed.data.note });
  };

  return (
    <li className={`alert-item alert-${alert.priority}${alert.status === "cleared" ? " alert-cleared" : ""}`}>
      <div className="alert-head">
        <PriorityBadge priority={alert.priority} />
        {isEscalated(alert) ? <EscalatedBadge /> : null}
        <span className="alert-param">{label}</span>
        {context ? <span className="alert-context">{context}</span> : null}
        <span className="muted">
          raised <time dateTime={alert.raisedAt}>{formatClock(alert.raisedAt)}</time>
        </span>
      </div>
      <p className="alert-message">{alert.message}</p>
      <p className={latched ? "alert-latched" : "muted"}>{conditionText(alert)}</p>
      {alert.acknowledgedAt && alert.acknowledgedBy ? (
        <p className="alert-ack">
          ✓ Acknowledged by {alert.acknowledgedBy.displayName} at {formatClock(alert.acknowledgedAt)}
          {alert.acknowledgementNote ? ` — “${alert.acknowledgementNote}”` : ""}
        </p>
      ) : canAcknowledge ? (
        <form className="alert-ack-form" onSubmit={onSubmit}>
          <label htmlFor={noteId} className="visually-hidden">
            {`Note for ${label} alert (optional)`}
          </label>
          <input
            id={noteId}
            type="text"
            placeholder="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
          />
          <button
            type="submit"
            className="button"
            aria-label={`Acknowledge ${label} alert`}
            disabled={ack.isPending}
          >
            Acknowledge
          </button>
          <FieldError id={`${noteId}-error`} messages={noteError} />
        </form>
      ) : (
        <p className="muted">Not yet acknowledged</p>
      )}
      <ErrorBanner error={ack.error} title="Could not acknowledge" />
    </li>
  );
}
