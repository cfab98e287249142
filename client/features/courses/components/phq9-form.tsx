import { type FormEvent, useState } from "react";
import {
  PHQ9_ANSWERS,
  PHQ9_ITEMS,
  PHQ9_MAX,
  phq9Severity,
  phq9Total,
} from "../../../../shared/clinical/courses/outcomes.ts";
import { recordOutcomeRequestSchema } from "../../../../shared/schemas/outcome.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { RadioGroup } from "../../../components/radio-group.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { useRecordOutcome } from "../api/record-outcome.ts";

type Respondent = "patient" | "clinician";
const respondentOptions = [
  { value: "patient" as const, label: "Patient (on the tablet)" },
  { value: "clinician" as const, label: "Clinician (asked aloud)" },
];
const fieldNames = ["respondent", ...PHQ9_ITEMS.map((_, i) => `items.${i}`)];
const answerOptions = PHQ9_ANSWERS.map((a) => ({
  value: a.value as number,
  label: `${a.label} (${a.value})`,
}));

/**
 * The PHQ-9 before an infusion, big buttons for the tablet: nine items answered 0-3, the total and its
 * band shown as they are answered. Errors (from the shared schema or the server) sit under their item.
 */
export function Phq9Form({ sessionId, onRecorded }: { sessionId: string; onRecorded?: () => void }) {
  const record = useRecordOutcome(sessionId);
  const [items, setItems] = useState<(number | undefined)[]>(() => Array(PHQ9_ITEMS.length).fill(undefined));
  const [respondent, setRespondent] = useState<Respondent>("patient");
  const [errors, setErrors] = useState<FieldErrors>({});
  const answered = items.filter((v) => v !== undefined).length;
  const total = phq9Total(items.map((v) => v ?? 0));
  const server = splitServerIssues(record.error, fieldNames);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    const parsed = recordOutcomeRequestSchema.safeParse({ instrument: "phq9", items, respondent });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    record.mutate(parsed.data, {
      onSuccess: () => {
        setItems(Array(PHQ9_ITEMS.length).fill(undefined));
        onRecorded?.();
      },
    });
  };

  return (
    <form aria-labelledby="phq9-heading" onSubmit={onSubmit} noValidate className="phq9-form">
      <h3 id="phq9-heading">PHQ-9: over the last 2 weeks, how often have you been bothered by…</h3>
      <RadioGroup
        legend="Who is answering"
        name="phq9-respondent"
        options={respondentOptions}
        value={respondent}
        onChange={setRespondent}
        errors={shown.respondent}
      />
      {PHQ9_ITEMS.map((text, i) => (
        <RadioGroup
          key={text}
          legend={`${i + 1}. ${text}`}
          name={`phq9-item-${i + 1}`}
          options={answerOptions}
          value={items[i]}
          onChange={(v) => setItems((prev) => prev.map((old, j) => (j === i ? v : old)))}
          errors={shown[`items.${i}`]}
        />
      ))}
      {items[8] !== undefined && items[8] > 0 ? (
        <p role="alert" className="banner banner-error">
          Item 9 is positive (thoughts of self-harm): tell the physician before the infusion.
        </p>
      ) : null}
      <p aria-live="polite" className="total-dose">
        PHQ-9 total: <strong>{total}</strong> of {PHQ9_MAX} · {phq9Severity(total).label} · {answered} of 9
        answered
      </p>
      <ErrorBanner
        error={Object.keys(server.fieldErrors).length === 0 ? record.error : null}
        title="PHQ-9 not recorded"
        issues={server.unplaced}
      />
      {record.isSuccess ? (
        <p className="muted">
          PHQ-9 recorded: {record.data.total} ({record.data.severity}).
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-large" disabled={record.isPending}>
        Record PHQ-9
      </button>
    </form>
  );
}
