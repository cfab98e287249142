import { type FormEvent, type ReactNode, useId } from "react";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { ModalDialog } from "../../../components/modal-dialog.tsx";
import type { ApiIssue } from "../../../lib/api-client.ts";

interface Props {
  /** What is amended, e.g. "Reading at 19:42: BP 210/95". */
  subject: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonErrors: string[] | undefined;
  /** The optional corrected entry's fields. */
  children?: ReactNode;
  busy: boolean;
  /** An error that belongs to no field (null when every issue is shown at its field). */
  error: unknown;
  unplaced: readonly ApiIssue[];
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * Marks an entry entered in error (native modal <dialog>: focus moves in, Escape cancels). The reason
 * is required; the original stays stored and is shown struck through; a correction is a new entry.
 */
export function EnteredInErrorDialog(props: Props) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  const reasonId = `${id}-reason`;
  return (
    <ModalDialog labelledBy={`${id}-title`} onCancel={props.onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Entered in error</h2>
        <p>{props.subject}</p>
        <p className="muted">The original stays stored and is shown struck through; nothing is deleted.</p>
        <div className="field">
          <label htmlFor={reasonId}>Reason (required)</label>
          <textarea
            id={reasonId}
            rows={2}
            required
            value={props.reason}
            onChange={(e) => props.onReasonChange(e.target.value)}
            {...describedBy(reasonId, props.reasonErrors)}
          />
          <FieldError id={`${reasonId}-error`} messages={props.reasonErrors} />
        </div>
        {props.children}
        <ErrorBanner error={props.error} title="Not amended" issues={props.unplaced} />
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={props.busy}>
            Mark entered in error
          </button>
          <button type="button" className="button button-large" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
