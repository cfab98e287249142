import { useParams } from "react-router";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { canRecord } from "../../features/auth/roles.ts";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { usePatient } from "../../features/patients/api/get-patient.ts";
import { PatientCard } from "../../features/patients/components/patient-card.tsx";
import { SessionHistory } from "../../features/sessions/components/session-history.tsx";
import { StartSessionForm } from "../../features/sessions/components/start-session-form.tsx";
import { useTitle } from "../../lib/use-title.ts";

export function PatientRoute() {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const { data: patient, error, isPending } = usePatient(id);
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
      <div className="two-columns">
        {canRecord(user.role) ? <StartSessionForm key={patient.id} patient={patient} /> : null}
        <SessionHistory patientId={patient.id} />
      </div>
    </>
  );
}
