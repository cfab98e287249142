import { type ReactNode, useEffect, useRef } from "react";

interface Props {
  /** Id of the dialog's title (aria-labelledby). */
  labelledBy: string;
  /** Id of the text that says what the dialog asks (aria-describedby), if any. */
  describedBy?: string;
  /** Escape, or the browser closing the modal: the caller decides what cancelling means. */
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A native modal <dialog>, open while mounted: focus moves in and Escape cancels. Where showModal is
 * missing (older jsdom), it is simply marked open.
 */
export function ModalDialog({ labelledBy, describedBy, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === "function" && !dialog.open) dialog.showModal();
    else dialog.setAttribute("open", "");
    return () => {
      if (typeof dialog.close === "function") dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
