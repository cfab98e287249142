import { describedBy, FieldError } from "../../../components/field-error.tsx";
import type { FieldErrors } from "../../../lib/field-errors.ts";

export interface PatientDraft {
  mrn: string;
  fullName: string;
  dateOfBirth: string;
  weightKg: string;
  allergies: string;
  contraindications: string;
}

export const patientFieldNames = [
  "mrn",
  "fullName",
  "dateOfBirth",
  "weightKg",
  "allergies",
  "contraindications",
];

export const emptyPatientDraft: PatientDraft = {
  mrn: "",
  fullName: "",
  dateOfBirth: "",
  weightKg: "",
  allergies: "",
  contraindications: "",
};

/** The draft as a request body (numbers parsed; empty weight is "not recorded"). */
export function draftToBody(d: PatientDraft) {
  return {
    mrn: d.mrn,
    fullName: d.fullName,
    dateOfBirth: d.dateOfBirth,
    weightKg: d.weightKg.trim() === "" ? null : Number(d.weightKg),
    allergies: d.allergies,
    contraindications: d.contraindications,
  };
}

const fields: {
  key: keyof PatientDraft;
  label: string;
  type?: string;
  multiline?: boolean;
  hint?: string;
}[] = [
  { key: "fullName", label: "Full name" },
  { key: "mrn", label: "MRN" },
  { key: "dateOfBirth", label: "Date of birth", type: "date" },
  { key: "weightKg", label: "Weight (kg)", hint: "Leave empty if not recorded" },
  { key: "allergies", label: "Allergies", multiline: true, hint: "Empty: none known" },
  { key: "contraindications", label: "Contraindication history", multiline: true },
];

/** The patient record's inputs; ids are prefixed so two forms never share one. */
export function PatientFields(props: {
  idPrefix: string;
  draft: PatientDraft;
  onChange: (draft: PatientDraft) => void;
  errors: FieldErrors;
}) {
  return (
    <>
      {fields.map((f) => {
        const id = `${props.idPrefix}-${f.key}`;
        const hintId = f.hint ? `${id}-hint` : undefined;
        const common = {
          id,
          value: props.draft[f.key],
          onChange: (e: { target: { value: string } }) =>
            props.onChange({ ...props.draft, [f.key]: e.target.value }),
          ...describedBy(id, props.errors[f.key], hintId),
        };
        return (
          <div className="field" key={f.key}>
            <label htmlFor={id}>{f.label}</label>
            {f.multiline ? (
              <textarea rows={2} {...common} />
            ) : (
              <input
                type={f.type ?? "text"}
                autoComplete="off"
                inputMode={f.key === "weightKg" ? "decimal" : undefined}
                {...common}
              />
            )}
            {f.hint ? (
              <span id={hintId} className="hint">
                {f.hint}
              </span>
            ) : null}
            <FieldError id={`${id}-error`} messages={props.errors[f.key]} />
          </div>
        );
      })}
    </>
  );
}
