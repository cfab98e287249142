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
import { useRecordVitals } from "../api/record-vitals.ts";
import { useVitalsPreview } from "../use-vitals-preview.ts";
import { draftValues, emptyDraft, previewValues, type VitalsDraft } from "../vitals-input.ts";
import { AlertPreview } from "./alert-preview.tsx";
import { VitalField } from "./vital-field.tsx";

const fields = [...vitalParameters, "observedAt"];

/** Keyboard-first vitals entry: type, Tab, Enter; focus returns to Systolic BP after each reading. */
export function VitalsForm({ sessionId }: { sessionId: string }) {
  const record = useRecordVitals(sessionId);
  const [draft, setDraft] = useState<VitalsDraft>(emptyDraft);
  const [time, setTime] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  // one id per reading: a retry after a failure carries the same id (idempotent on the server)
  const pendingId = useRef(uuid());
  const sbpRef = useRef<HTMLInputElement>(null);

  const preview = previewValues(draft);
  const map =
    preview.sbp !== undefined && preview.dbp !== undefined && preview.sbp > preview.dbp
      ? meanArterialPressure(preview.sbp, preview.dbp)
      : null;
  const alertPreview = useVitalsPreview(sessionId, preview, time ? todayAt(time) : null);
  const server = splitServerIssues(record.error, fields);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    setSaved(null);
    const observedAt = time ? todayAt(time) : new Date().toISOString();
    const payload: RecordVitalsRequest = {
      id: pendingId.current,
      observedAt: observedAt ?? time,
      source: "manual",
      ...draftValues(draft),
    };
    const parsed = recordVitalsRequestSchema.safeParse(payload);
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    record.mutate(parsed.data, {
      onSuccess: ({ reading }) => {
        pendingId.current = uuid();
        setDraft(emptyDraft);
        setTime("");
        setSaved(`Reading recorded at ${formatClock(reading.observedAt)}.`);
        sbpRef.current?.focus();
      },
    });
  };

  const set = (p: keyof VitalsDraft) => (v: string) => setDraft((d) => ({ ...d, [p]: v }));

  return (
    <form className="vitals-form" aria-labelledby="vitals-form-heading" onSubmit={onSubmit} noValidate>
      <h2 id="vitals-form-heading">Record vitals</h2>
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
      <ErrorBanner
        error={
          server.unplaced.length > 0 || Object.keys(server.fieldErrors).length === 0 ? record.error : null
        }
        title="Reading not recorded"
        issues={server.unplaced}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          Record vitals
        </button>
        <p role="status" className="muted">
          {record.isPending ? "Saving…" : saved}
        </p>
      </div>
    </form>
  );
}
