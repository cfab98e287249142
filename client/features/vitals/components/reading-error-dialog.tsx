import { useState } from "react";
import { readingEnteredInErrorRequestSchema } from "../../../../shared/schemas/amendment.ts";
import { type VitalsReading, vitalBounds, vitalParameters } from "../../../../shared/schemas/vitals.ts";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { formatClock } from "../../../lib/time.ts";
import { uuid } from "../../../lib/uuid.ts";
import { useEnterReadingInError } from "../api/enter-reading-in-error.ts";
import { draftValues, emptyDraft, type VitalsDraft } from "../vitals-input.ts";
import { EnteredInErrorDialog } from "./entered-in-error-dialog.tsx";
import { useEnteredInErrorForm } from "./use-entered-in-error-form.ts";

const fields = ["reason", ...vitalParameters.map((p) => `correction.${p}`), "correction.observedAt"];

export const readingSubject = (r: VitalsReading) => {
  const values = [
    r.sbp !== null && r.dbp !== null ? `BP ${r.sbp}/${r.dbp}` : null,
    r.hr !== null ? `HR ${r.hr}` : null,
    r.spo2 !== null ? `SpO2 ${r.spo2}` : null,
    r.rr !== null ? `RR ${r.rr}` : null,
  ].filter(Boolean);
  return `Reading at ${formatClock(r.observedAt)}: ${values.join(", ")}`;
};

/** Entered in error for a reading: the reason, and optionally corrected values (a new reading at the same time). */
export function ReadingErrorDialog({ reading, onClose }: { reading: VitalsReading; onClose: () => void }) {
  const amend = useEnterReadingInError(reading.sessionId);
  const { shown, submitWith, dialogProps } = useEnteredInErrorForm(amend, fields, onClose);
  const [draft, setDraft] = useState<VitalsDraft>(emptyDraft);
  const [correctionId] = useState(uuid);

  const submit = () => {
    const values = draftValues(draft);
    const correction =
      Object.keys(values).length > 0
        ? { id: correctionId, observedAt: reading.observedAt, source: "manual" as const, ...values }
        : undefined;
    submitWith(readingEnteredInErrorRequestSchema, correction, (body) =>
      amend.mutate({ readingId: reading.id, body }, { onSuccess: onClose }),
    );
  };

  return (
    <EnteredInErrorDialog subject={readingSubject(reading)} {...dialogProps} onSubmit={submit}>
      <fieldset className="correction-fields">
        <legend>Corrected values (optional)</legend>
        {vitalParameters.map((p) => {
          const id = `correction-${p}`;
          const messages = shown[`correction.${p}`];
          return (
            <div className="field" key={p}>
              <label htmlFor={id}>
                Corrected {vitalBounds[p].label} ({vitalBounds[p].unit})
              </label>
              <input
                id={id}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={draft[p]}
                onChange={(e) => setDraft({ ...draft, [p]: e.target.value })}
                {...describedBy(id, messages)}
              />
              <FieldError id={`${id}-error`} messages={messages} />
            </div>
          );
        })}
      </fieldset>
    </EnteredInErrorDialog>
  );
}
