import { useId } from "react";
import { ModalDialog } from "../../../components/modal-dialog.tsx";

interface Props {
  title: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation (native <dialog>: focus moves in, Escape cancels). */
export function ConfirmDialog({ title, question, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const id = useId();
  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-question`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-question`}>{question}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-large" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
