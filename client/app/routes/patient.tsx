import { useState } from "react";
import { useParams } from "react-router";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { canRecord } from "../../features/auth/roles.ts";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { CoursePanel } from "../../features/courses/components/course-panel.tsx";
import { usePatient } from "../../features/patients/api/get-patient.ts";
import { EditPatientForm } from "../../features/patients/components/edit-patient-form.tsx";
import { PatientCard } from "../../features/patients/components/patient-card.tsx";
import { PatientHistory } from "../../features/patients/components/patient-history.tsx";
import { SessionHistory } from "../../features/sessions/components/session-history.tsx";
import { StartSessionForm } from "../../features/sessions/components/start-session-form.tsx";
import { useTitle } from "../../lib/use-title.ts";

export function PatientRoute() {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const { data: patient, error, isPending } = usePatient(id);
  const [editing, setEditing] = useState(false);
  useTitle(patient?.fullName ?? "Patient");
  if (isPending) return <p className="muted">Loading…</p>;
  if (!patient) {
    return (
      <>
        <h1>Patient</h1>
        <ErrorBanner error={error} title="Could not load the patient" />
      </>
    );
  }
  return (
    <>
      <h1>{patient.fullName}</h1>
      <PatientCard patient={patient} />
      {canRecord(user.role) && !editing ? (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit patient record
        </button>
      ) : null}
      {editing ? (
        <EditPatientForm key={patient.version} patient={patient} onDone={() => setEditing(false)} />
      ) : null}
      <PatientHistory patientId={patient.id} version={patient.version} />
      <div className="two-columns">
        {canRecord(user.role) ? <StartSessionForm key={patient.id} patient={patient} /> : null}
        <SessionHistory patientId={patient.id} />
      </div>
      <CoursePanel patientId={patient.id} role={user.role} />
    </>
  );
}
