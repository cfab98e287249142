import { type FormEvent, useRef, useState } from "react";
import { meanArterialPressure } from "../../../../shared/clinical/vitals.ts";
import type { RecordVitalsRequest } from "../../../../shared/schemas/vitals.ts";
import { recordVitalsRequestSchema, vitalParameters } from "../../../../shared/schemas/vitals.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { FieldError } from "../../../components/field-error.tsx";
import { ObservedAtField } from "../../../components/observed-at-field.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { formatClock, todayAt } from "../../../lib/time.ts";
import { uuid } from "../../../lib/uuid.ts";
import { RejectedEntries } from "../../outbox/components/rejected-entries.tsx";
import type { OutboxEntry } from "../../outbox/outbox-entry.ts";
import { type SubmittedState, useOutboxSubmit } from "../../outbox/use-outbox-submit.ts";
import { useVitalsPreview } from "../use-vitals-preview.ts";
import {
  describeVitals,
  draftFrom,
  draftValues,
  emptyDraft,
  previewValues,
  type VitalsDraft,
} from "../vitals-input.ts";
import { AlertPreview } from "./alert-preview.tsx";
import { VitalField } from "./vital-field.tsx";

const fields = [...vitalParameters, "observedAt"];

const describe = (e: OutboxEntry) => (e.kind === "vitals" ? describeVitals(e.body) : e.kind);

function statusText(state: SubmittedState | null, observedAt: string | null): string | null {
  if (!state || !observedAt) return null;
  const at = formatClock(observedAt);
  if (state === "sent") return `Reading recorded at ${at}.`;
  if (state === "rejected") return `Reading of ${at} not accepted by the server: see above.`;
  return `Reading of ${at} saved on this device; waiting to sync.`;
}

/**
 * Keyboard-first vitals entry: type, Tab, Enter; focus returns to Systolic BP after each reading.
 * A reading goes into the device's outbox first and the form clears at once; the outbox sends it.
 */
export function VitalsForm({ sessionId }: { sessionId: string }) {
  const outbox = useOutboxSubmit(sessionId);
  const [draft, setDraft] = useState<VitalsDraft>(emptyDraft);
  const [time, setTime] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [lastObservedAt, setLastObservedAt] = useState<string | null>(null);
  // one id per reading: a retry after a failure carries the same id (idempotent on the server)
  const pendingId = useRef(uuid());
  const sbpRef = useRef<HTMLInputElement>(null);

  const preview = previewValues(draft);
  const map =
    preview.sbp !== undefined && preview.dbp !== undefined && preview.sbp > preview.dbp
      ? meanArterialPressure(preview.sbp, preview.dbp)
      : null;
  const alertPreview = useVitalsPreview(sessionId, preview, time ? todayAt(time) : null);
  const server = splitServerIssues(outbox.correctingError, fields);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const correcting = outbox.correcting;
    // a corrected reading keeps its clinical time unless the nurse enters another
    const observedAt = time
      ? (todayAt(time) ?? time)
      : (correcting?.body.observedAt ?? new Date().toISOString());
    const payload: RecordVitalsRequest = {
      id: outbox.idFor(pendingId.current),
      observedAt,
      source: "manual",
      ...draftValues(draft),
    };
    const parsed = recordVitalsRequestSchema.safeParse(payload);
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    if (!(await outbox.submit({ kind: "vitals", body: parsed.data }))) return;
    if (!correcting) pendingId.current = uuid();
    setLastObservedAt(parsed.data.observedAt);
    setDraft(emptyDraft);
    setTime("");
    sbpRef.current?.focus();
  };

  const correct = (entry: OutboxEntry) => {
    if (entry.kind !== "vitals") return;
    outbox.startCorrecting(entry);
    setDraft(draftFrom(entry.body));
    setTime("");
    setErrors({});
    sbpRef.current?.focus();
  };

  const cancelCorrection = () => {
    outbox.startCorrecting(null);
    setDraft(emptyDraft);
  };

  const set = (p: keyof VitalsDraft) => (v: string) => setDraft((d) => ({ ...d, [p]: v }));

  return (
    <form className="vitals-form" aria-labelledby="vitals-form-heading" onSubmit={onSubmit} noValidate>
      <h2 id="vitals-form-heading">Record vitals</h2>
      <RejectedEntries sessionId={sessionId} kind="vitals" describe={describe} onEdit={correct} />
      {outbox.correcting ? (
        <p className="banner banner-info">
          Correcting the reading observed at {formatClock(outbox.correcting.body.observedAt)} (kept unless you
          enter a new time).{" "}
          <button type="button" className="button button-small" onClick={cancelCorrection}>
            Cancel correction
          </button>
        </p>
      ) : null}
      <div className="vitals-grid">
        {vitalParameters.map((p) => (
          <VitalField
            key={p}
            parameter={p}
            value={draft[p]}
            onChange={set(p)}
            errors={shown[p]}
            inputRef={p === "sbp" ? sbpRef : undefined}
          />
        ))}
        <div className="field derived">
          <span className="label-like">MAP (derived)</span>
          <output className="derived-value" aria-label="Mean arterial pressure">
            {map === null ? "—" : `${map} mmHg`}
          </output>
        </div>
      </div>
      <ObservedAtField id="vitals-observed-at" value={time} onChange={setTime} errors={shown.observedAt} />
      <FieldError id="vitals-id-error" messages={shown.id} />
      <AlertPreview
        items={alertPreview.alerts}
        note={
          alertPreview.usesSession
            ? undefined
            : "Clinic default limits: this session’s context is not loaded."
        }
      />
      <ErrorBanner error={outbox.saveError} title="Reading not saved on this device" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={outbox.saving}>
          Record vitals
        </button>
        <p role="status" className="muted">
          {outbox.saving ? "Saving…" : statusText(outbox.lastState, lastObservedAt)}
        </p>
      </div>
    </form>
  );
}
