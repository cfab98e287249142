import { type FormEvent, useState } from "react";
import {
  type ScreeningAnswers,
  unansweredQuestions,
} from "../../../../shared/clinical/screening/checklist.ts";
import type { PreInfusionStatus } from "../../../../shared/schemas/screening.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { RadioGroup } from "../../../components/radio-group.tsx";
import { type FieldErrors, splitServerIssues } from "../../../lib/field-errors.ts";
import { useRecordScreening } from "../api/record-screening.ts";

const yesNo = [
  { value: "yes" as const, label: "Yes" },
  { value: "no" as const, label: "No" },
];

/**
 * The pre-infusion checklist (the full one before a first infusion, the short one later): every question
 * answered yes or no; the answer the profile marks as blocking is named under the question.
 */
export function ScreeningChecklist({ sessionId, status }: { sessionId: string; status: PreInfusionStatus }) {
  const record = useRecordScreening(sessionId);
  const [answers, setAnswers] = useState<ScreeningAnswers>(() => status.screening?.answers ?? {});
  const [medications, setMedications] = useState(status.screening?.medications ?? "");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const fields = status.questions.map((q) => `answers.${q.id}`);
  const server = splitServerIssues(record.error, fields);
  const shown = { ...server.fieldErrors, ...errors };
  const title =
    status.kind === "initial" ? "Screening before the first infusion" : "Screening before this infusion";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    const missing = unansweredQuestions(status.profile, status.kind, answers);
    if (missing.length > 0) {
      return setErrors(
        Object.fromEntries(missing.map((q) => [`answers.${q.id}`, ["must be answered yes or no"]])),
      );
    }
    setErrors({});
    record.mutate({ answers, medications, note });
  };

  return (
    <form aria-labelledby="screening-heading" onSubmit={onSubmit} noValidate>
      <h3 id="screening-heading">{title}</h3>
      {status.screening ? (
        <p className="muted">
          Last recorded by {status.screening.recordedBy.displayName}; recording again stores a new version.
        </p>
      ) : null}
      {status.questions.map((q) => (
        <div key={q.id}>
          <RadioGroup
            legend={q.label}
            name={`screening-${q.id}`}
            options={yesNo}
            value={answers[q.id]}
            onChange={(v) => setAnswers((prev) => ({ ...prev, [q.id]: v }))}
            errors={shown[`answers.${q.id}`]}
          />
          {q.blockingAnswer && answers[q.id] === q.blockingAnswer ? (
            <p className="field-error">
              “{q.blockingAnswer === "yes" ? "Yes" : "No"}” needs a physician's clearance before the infusion.
            </p>
          ) : null}
        </div>
      ))}
      <div className="field">
        <label htmlFor="screening-medications">Medication list</label>
        <textarea
          id="screening-medications"
          rows={2}
          value={medications}
          onChange={(e) => setMedications(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="screening-note">Screening note (optional)</label>
        <textarea id="screening-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorBanner
        error={Object.keys(server.fieldErrors).length === 0 ? record.error : null}
        title="Screening not recorded"
        issues={server.unplaced}
      />
      <button type="submit" className="button button-primary button-large" disabled={record.isPending}>
        Record screening
      </button>
    </form>
  );
}
