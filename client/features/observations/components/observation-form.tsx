import { type FormEvent, useRef, useState } from "react";
import type {
  ObservationType,
  RecordObservationRequest,
  Severity,
} from "../../../../shared/schemas/observation.ts";
import {
  moaasLabels,
  observationTypeLabels,
  observationTypes,
  recordObservationRequestSchema,
} from "../../../../shared/schemas/observation.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { ObservedAtField } from "../../../components/observed-at-field.tsx";
import { RadioGroup } from "../../../components/radio-group.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { todayAt } from "../../../lib/time.ts";
import { uuid } from "../../../lib/uuid.ts";
import { AlertPreview } from "../../vitals/components/alert-preview.tsx";
import { useRecordObservation } from "../api/record-observation.ts";
import { useObservationPreview } from "../use-observation-preview.ts";

const fields = ["type", "severity", "moaas", "note", "observedAt"];
const severityOptions = [
  { value: "mild", label: "Mild" },
  { value: "moderate", label: "Moderate" },
  { value: "severe", label: "Severe" },
] as const;
const moaasOptions = [5, 4, 3, 2, 1, 0].map((n) => ({ value: n, label: moaasLabels[n] ?? String(n) }));

export function ObservationForm({ sessionId }: { sessionId: string }) {
  const record = useRecordObservation(sessionId);
  const [type, setType] = useState<ObservationType>("sedation");
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [moaas, setMoaas] = useState<number | undefined>();
  const [note, setNote] = useState("");
  const [time, setTime] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const pendingId = useRef(uuid());
  const sedation = type === "sedation";
  const server = splitServerIssues(record.error, fields);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    setSaved(null);
    const payload: RecordObservationRequest = {
      id: pendingId.current,
      observedAt: (time ? todayAt(time) : new Date().toISOString()) ?? time,
      type,
      severity: sedation ? undefined : severity,
      moaas: sedation ? moaas : undefined,
      note: note.trim() || undefined,
    };
    const parsed = recordObservationRequestSchema.safeParse(payload);
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    record.mutate(parsed.data, {
      onSuccess: () => {
        pendingId.current = uuid();
        setSeverity(undefined);
        setMoaas(undefined);
        setNote("");
        setTime("");
        setSaved(`${observationTypeLabels[type]} recorded.`);
      },
    });
  };

  const preview = useObservationPreview(
    sessionId,
    type,
    sedation ? null : (severity ?? null),
    sedation ? (moaas ?? null) : null,
  );

  return (
    <form
      className="observation-form"
      aria-labelledby="observation-form-heading"
      onSubmit={onSubmit}
      noValidate
    >
      <h2 id="observation-form-heading">Record observation</h2>
      <div className="field">
        <label htmlFor="observation-type">Observation</label>
        <select
          id="observation-type"
          value={type}
          onChange={(e) => setType(e.target.value as ObservationType)}
          {...describedBy("observation-type", shown.type)}
        >
          {observationTypes.map((t) => (
            <option key={t} value={t}>
              {observationTypeLabels[t]}
            </option>
          ))}
        </select>
        <FieldError id="observation-type-error" messages={shown.type} />
      </div>
      {sedation ? (
        <RadioGroup
          legend="MOAA/S"
          name="moaas"
          options={moaasOptions}
          value={moaas}
          onChange={setMoaas}
          errors={shown.moaas}
          className="moaas"
        />
      ) : (
        <RadioGroup
          legend="Severity"
          name="severity"
          options={severityOptions}
          value={severity}
          onChange={setSeverity}
          errors={shown.severity}
        />
      )}
      <div className="field">
        <label htmlFor="observation-note">{type === "other" ? "Note" : "Note (optional)"}</label>
        <textarea
          id="observation-note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...describedBy("observation-note", shown.note)}
        />
        <FieldError id="observation-note-error" messages={shown.note} />
      </div>
      <ObservedAtField
        id="observation-observed-at"
        value={time}
        onChange={setTime}
        errors={shown.observedAt}
      />
      <AlertPreview items={preview} />
      <ErrorBanner
        error={
          server.unplaced.length > 0 || Object.keys(server.fieldErrors).length === 0 ? record.error : null
        }
        title="Observation not recorded"
        issues={server.unplaced}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          Record observation
        </button>
        <p role="status" className="muted">
          {record.isPending ? "Saving…" : saved}
        </p>
      </div>
    </form>
  );
}
