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
import { formatClock, todayAt } from "../../../lib/time.ts";
import { uuid } from "../../../lib/uuid.ts";
import { RejectedEntries } from "../../outbox/components/rejected-entries.tsx";
import type { OutboxEntry } from "../../outbox/outbox-entry.ts";
import { useOutboxSubmit } from "../../outbox/use-outbox-submit.ts";
import { AlertPreview } from "../../vitals/components/alert-preview.tsx";
import { useObservationPreview } from "../use-observation-preview.ts";

const fields = ["type", "severity", "moaas", "note", "observedAt"];
const severityOptions = [
  { value: "mild", label: "Mild" },
  { value: "moderate", label: "Moderate" },
  { value: "severe", label: "Severe" },
] as const;
const moaasOptions = [5, 4, 3, 2, 1, 0].map((n) => ({ value: n, label: moaasLabels[n] ?? String(n) }));

const describe = (e: OutboxEntry) =>
  e.kind === "observation"
    ? [
        observationTypeLabels[e.body.type],
        e.body.severity,
        e.body.moaas == null ? null : String(e.body.moaas),
      ]
        .filter(Boolean)
        .join(" ")
    : e.kind;

const statusText = {
  sent: "recorded.",
  waiting: "saved on this device; waiting to sync.",
  rejected: "not accepted by the server: see above.",
};

/** Goes into the device's outbox first and clears at once; the outbox sends it to the server. */
export function ObservationForm({ sessionId }: { sessionId: string }) {
  const outbox = useOutboxSubmit(sessionId);
  const [type, setType] = useState<ObservationType>("sedation");
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [moaas, setMoaas] = useState<number | undefined>();
  const [note, setNote] = useState("");
  const [time, setTime] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedType, setSavedType] = useState<ObservationType | null>(null);
  const pendingId = useRef(uuid());
  const sedation = type === "sedation";
  const server = splitServerIssues(outbox.correctingError, fields);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const correcting = outbox.correcting;
    // a corrected observation keeps its clinical time unless the nurse enters another
    const observedAt = time
      ? (todayAt(time) ?? time)
      : (correcting?.body.observedAt ?? new Date().toISOString());
    const payload: RecordObservationRequest = {
      id: outbox.idFor(pendingId.current),
      observedAt,
      type,
      severity: sedation ? undefined : severity,
      moaas: sedation ? moaas : undefined,
      note: note.trim() || undefined,
    };
    const parsed = recordObservationRequestSchema.safeParse(payload);
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    if (!(await outbox.submit({ kind: "observation", body: parsed.data }))) return;
    if (!correcting) pendingId.current = uuid();
    setSavedType(type);
    setSeverity(undefined);
    setMoaas(undefined);
    setNote("");
    setTime("");
  };

  const correct = (entry: OutboxEntry) => {
    if (entry.kind !== "observation") return;
    outbox.startCorrecting(entry);
    setType(entry.body.type);
    setSeverity(entry.body.severity ?? undefined);
    setMoaas(entry.body.moaas ?? undefined);
    setNote(entry.body.note ?? "");
    setTime("");
    setErrors({});
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
      <RejectedEntries sessionId={sessionId} kind="observation" describe={describe} onEdit={correct} />
      {outbox.correcting ? (
        <p className="banner banner-info">
          Correcting the observation of {formatClock(outbox.correcting.body.observedAt)} (time kept unless you
          enter a new one).{" "}
          <button type="button" className="button button-small" onClick={() => outbox.startCorrecting(null)}>
            Cancel correction
          </button>
        </p>
      ) : null}
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
      <ErrorBanner error={outbox.saveError} title="Observation not saved on this device" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={outbox.saving}>
          Record observation
        </button>
        <p role="status" className="muted">
          {outbox.saving
            ? "Saving…"
            : savedType && outbox.lastState
              ? `${observationTypeLabels[savedType]} ${statusText[outbox.lastState]}`
              : null}
        </p>
      </div>
    </form>
  );
}
