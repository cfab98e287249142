import { useState } from "react";
import { observationEnteredInErrorRequestSchema } from "../../../../shared/schemas/amendment.ts";
import {
  moaasLabels,
  type Observation,
  observationTypeLabels,
  type Severity,
  severities,
} from "../../../../shared/schemas/observation.ts";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { formatClock } from "../../../lib/time.ts";
import { uuid } from "../../../lib/uuid.ts";
import { EnteredInErrorDialog } from "../../vitals/components/entered-in-error-dialog.tsx";
import { useEnteredInErrorForm } from "../../vitals/components/use-entered-in-error-form.ts";
import { useEnterObservationInError } from "../api/enter-observation-in-error.ts";

const fields = [
  "reason",
  "correction.severity",
  "correction.moaas",
  "correction.note",
  "correction.observedAt",
];

export const observationSubject = (o: Observation) =>
  `${observationTypeLabels[o.type]} at ${formatClock(o.observedAt)}${o.moaas !== null ? `: MOAA/S ${o.moaas}` : o.severity ? `: ${o.severity}` : ""}`;

/** Entered in error for an observation: the reason, and optionally the corrected grade (same type and time). */
export function ObservationErrorDialog({
  observation,
  onClose,
}: {
  observation: Observation;
  onClose: () => void;
}) {
  const amend = useEnterObservationInError(observation.sessionId);
  const { shown, submitWith, dialogProps } = useEnteredInErrorForm(amend, fields, onClose);
  const [grade, setGrade] = useState("");
  const [note, setNote] = useState("");
  const [correctionId] = useState(uuid);
  const sedation = observation.type === "sedation";
  const gradeKey = sedation ? "correction.moaas" : "correction.severity";

  const submit = () => {
    const correction =
      grade === ""
        ? undefined
        : {
            id: correctionId,
            observedAt: observation.observedAt,
            type: observation.type,
            ...(sedation ? { moaas: Number(grade) } : { severity: grade as Severity }),
            note: note.trim() || undefined,
          };
    submitWith(observationEnteredInErrorRequestSchema, correction, (body) =>
      amend.mutate({ observationId: observation.id, body }, { onSuccess: onClose }),
    );
  };

  const options = sedation
    ? [5, 4, 3, 2, 1, 0].map((n) => ({ value: String(n), label: moaasLabels[n] ?? String(n) }))
    : severities.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));
  return (
    <EnteredInErrorDialog subject={observationSubject(observation)} {...dialogProps} onSubmit={submit}>
      <fieldset className="correction-fields">
        <legend>Corrected entry (optional)</legend>
        <div className="field">
          <label htmlFor="correction-grade">{sedation ? "Corrected MOAA/S" : "Corrected severity"}</label>
          <select
            id="correction-grade"
            value={grade}
            onChange={(e) => setGrade(e.target.value)}
            {...describedBy("correction-grade", shown[gradeKey])}
          >
            <option value="">No correction</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError id="correction-grade-error" messages={shown[gradeKey]} />
        </div>
        <div className="field">
          <label htmlFor="correction-note">Corrected note (optional)</label>
          <input id="correction-note" value={note} onChange={(e) => setNote(e.target.value)} />
          <FieldError id="correction-note-error" messages={shown["correction.note"]} />
        </div>
      </fieldset>
    </EnteredInErrorDialog>
  );
}
