import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { totalDoseMg } from "../../../../shared/clinical/dose.ts";
import type { Patient } from "../../../../shared/schemas/patient.ts";
import { createSessionRequestSchema } from "../../../../shared/schemas/session.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { toFieldErrors } from "../../../lib/field-errors.ts";
import { useFieldErrors } from "../../../lib/use-field-errors.ts";
import { usePatientCourse } from "../../courses/api/get-patient-course.ts";
import { useCreateSession } from "../api/create-session.ts";

const fields = ["chair", "weightKg", "doseMgPerKg", "plannedDurationMin", "patientId"];
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  errors: string[] | undefined;
  inputMode?: "decimal" | "numeric" | "text";
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode={props.inputMode ?? "text"}
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...describedBy(props.id, props.errors)}
      />
      <FieldError id={`${props.id}-error`} messages={props.errors} />
    </div>
  );
}

/** Starts a session for the patient; the total dose is shown live with the shared formula. */
export function StartSessionForm({ patient }: { patient: Patient }) {
  const create = useCreateSession();
  const next = usePatientCourse(patient.id).data?.next;
  const navigate = useNavigate();
  const [chair, setChair] = useState("");
  const [weight, setWeight] = useState(patient.weightKg === null ? "" : String(patient.weightKg));
  const [dose, setDose] = useState("0.5");
  const [duration, setDuration] = useState("40");
  const { shown, setErrors, unplaced, bannerError } = useFieldErrors(create.error, fields);
  const w = num(weight);
  const d = num(dose);
  const total =
    w !== undefined && d !== undefined && Number.isFinite(w) && Number.isFinite(d) && w > 0 && d > 0
      ? totalDoseMg(w, d)
      : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const parsed = createSessionRequestSchema.safeParse({
      patientId: patient.id,
      chair,
      weightKg: num(weight),
      doseMgPerKg: num(dose),
      plannedDurationMin: num(duration),
    });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (session) => navigate(`/sessions/${session.id}`) });
  };

  return (
    <section aria-labelledby="start-session-heading" className="panel">
      <h2 id="start-session-heading">Start an infusion session</h2>
      {next ? (
        <p className="muted">
          This session will be <strong>{next.label}</strong>
          {next.newCourse ? ` (a new ${next.kind} course)` : ""}.
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <Field id="session-chair" label="Chair" value={chair} onChange={setChair} errors={shown.chair} />
        <Field
          id="session-weight"
          label="Weight (kg)"
          value={weight}
          onChange={setWeight}
          errors={shown.weightKg}
          inputMode="decimal"
        />
        <Field
          id="session-dose"
          label="Dose (mg/kg)"
          value={dose}
          onChange={setDose}
          errors={shown.doseMgPerKg}
          inputMode="decimal"
        />
        <Field
          id="session-duration"
          label="Planned duration (min)"
          value={duration}
          onChange={setDuration}
          errors={shown.plannedDurationMin}
          inputMode="numeric"
        />
        <p className="total-dose" aria-live="polite">
          Total dose: <strong>{total === null ? "—" : `${total} mg`}</strong>
        </p>
        <FieldError id="session-patient-error" messages={shown.patientId} />
        <ErrorBanner error={bannerError} title="Session not started" issues={unplaced} />
        <button type="submit" className="button button-primary button-large" disabled={create.isPending}>
          Start session
        </button>
      </form>
    </section>
  );
}
