import { type FormEvent, useState } from "react";
import { type PatientRecord, updatePatientRequestSchema } from "../../../../shared/schemas/patient-record.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { useUpdatePatient } from "../api/update-patient.ts";
import { draftToBody, type PatientDraft, PatientFields, patientFieldNames } from "./patient-fields.tsx";

const toDraft = (p: PatientRecord): PatientDraft => ({
  mrn: p.mrn,
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth,
  weightKg: p.weightKg === null ? "" : String(p.weightKg),
  allergies: p.allergies,
  contraindications: p.contraindications,
});

/** Edits the record as a new version (the previous values stay in the history). */
export function EditPatientForm({ patient, onDone }: { patient: PatientRecord; onDone: () => void }) {
  const update = useUpdatePatient(patient.id);
  const [draft, setDraft] = useState(() => toDraft(patient));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const server = splitServerIssues(update.error, [...patientFieldNames, "reason"]);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const body = { ...draftToBody(draft), version: patient.version, reason: reason.trim() || undefined };
    const parsed = updatePatientRequestSchema.safeParse(body);
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    update.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <section aria-labelledby="edit-patient-heading" className="panel">
      <h2 id="edit-patient-heading">Edit patient record (version {patient.version})</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <PatientFields idPrefix="edit" draft={draft} onChange={setDraft} errors={shown} />
        <div className="field">
          <label htmlFor="edit-reason">Reason for the change (optional)</label>
          <input
            id="edit-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...describedBy("edit-reason", shown.reason)}
          />
          <FieldError id="edit-reason-error" messages={shown.reason} />
        </div>
        <ErrorBanner
          error={Object.keys(server.fieldErrors).length === 0 ? update.error : null}
          title="Record not saved"
          issues={server.unplaced}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save record
          </button>
          <button type="button" className="button" onClick={onDone}>
            Cancel editing
          </button>
        </div>
      </form>
    </section>
  );
}
