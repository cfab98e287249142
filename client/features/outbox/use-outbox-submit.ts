import { useState } from "react";
import type { ApiErrorCode } from "../../../shared/schemas/errors.ts";
import { ApiError } from "../../lib/api-client.ts";
import type { OutboxEntry, OutboxPayload } from "./outbox-entry.ts";
import { useOutbox } from "./use-outbox.ts";

export type SubmittedState = "waiting" | "rejected" | "sent";

/**
 * An entry form's side of the outbox: `submit` resolves true once the entry is durably saved on this
 * device (the form may clear), false when it could not be saved (the form keeps its values).
 * `correcting` is a rejected entry loaded back into the form; resubmitting it keeps its id.
 */
export function useOutboxSubmit(sessionId: string) {
  const outbox = useOutbox();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [lastId, setLastId] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<OutboxEntry | null>(null);

  const submit = async (payload: OutboxPayload): Promise<boolean> => {
    setSaving(true);
    setSaveError(null);
    try {
      const entry = await outbox.enqueue(sessionId, payload);
      setLastId(entry.id);
      setCorrecting(null);
      return true;
    } catch (error) {
      setSaveError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const last = lastId ? outbox.entries?.find((e) => e.id === lastId) : undefined;
  const lastState: SubmittedState | null = !lastId
    ? null
    : outbox.sent.has(lastId)
      ? "sent"
      : last?.status === "rejected"
        ? "rejected"
        : "waiting";

  // the server's refusal, shaped like a failed request so the form places its issues on the fields
  const rejection = correcting?.rejection;
  const correctingError = rejection
    ? new ApiError(rejection.status, rejection.code as ApiErrorCode, rejection.message, rejection.issues)
    : null;

  return {
    submit,
    saving,
    saveError,
    lastState,
    correcting,
    startCorrecting: setCorrecting,
    correctingError,
    /** The id the next entry must carry: a corrected entry keeps its own. */
    idFor: (fresh: string) => correcting?.id ?? fresh,
  };
}
