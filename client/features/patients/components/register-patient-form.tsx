import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { createPatientRequestSchema } from "../../../../shared/schemas/patient.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { useCreatePatient } from "../api/create-patient.ts";
import { draftToBody, emptyPatientDraft, PatientFields, patientFieldNames } from "./patient-fields.tsx";

/** Registers a patient (validated with the shared schema, errors next to each field), then opens the record. */
export function RegisterPatientForm() {
  const create = useCreatePatient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(emptyPatientDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const server = splitServerIssues(create.error, patientFieldNames);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const parsed = createPatientRequestSchema.safeParse(draftToBody(draft));
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (patient) => navigate(`/patients/${patient.id}`) });
  };

  return (
    <section aria-labelledby="register-heading" className="panel">
      <h2 id="register-heading">Register patient</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <PatientFields
          idPrefix="register"
          draft={draft}
          onChange={setDraft}
          errors={{ ...server.fieldErrors, ...errors }}
        />
        <ErrorBanner
          error={Object.keys(server.fieldErrors).length === 0 ? create.error : null}
          title="Patient not registered"
          issues={server.unplaced}
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Register patient
        </button>
      </form>
    </section>
  );
}
