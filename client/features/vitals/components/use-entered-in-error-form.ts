import { useState } from "react";
import type { ZodType } from "zod";
import { toFieldErrors } from "../../../lib/field-errors.ts";
import { useFieldErrors } from "../../../lib/use-field-errors.ts";

/** The parts of an entered-in-error mutation the form reads. */
interface Amendment {
  error: unknown;
  isPending: boolean;
  reset: () => void;
}

/**
 * What the reading and observation entered-in-error dialogs share: the reason, local and server field
 * errors, checking the request before it is sent, and the EnteredInErrorDialog props for all of it.
 */
export function useEnteredInErrorForm(amend: Amendment, fields: readonly string[], onClose: () => void) {
  const [reason, setReason] = useState("");
  const { shown, setErrors, unplaced, bannerError } = useFieldErrors(amend.error, fields);

  /** Checks { reason, correction } against the request schema: shows what is wrong, or sends it. */
  const submitWith = <T>(schema: ZodType<T>, correction: unknown, send: (body: T) => void) => {
    amend.reset();
    const parsed = schema.safeParse({ reason, correction });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    send(parsed.data);
  };

  const dialogProps = {
    reason,
    onReasonChange: setReason,
    reasonErrors: shown.reason,
    busy: amend.isPending,
    error: bannerError,
    unplaced,
    onCancel: onClose,
  };
  return { shown, submitWith, dialogProps };
}
