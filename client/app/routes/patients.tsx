import { useState } from "react";
import { canRecord } from "../../features/auth/roles.ts";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { PatientSearch } from "../../features/patients/components/patient-search.tsx";
import { RegisterPatientForm } from "../../features/patients/components/register-patient-form.tsx";
import { useTitle } from "../../lib/use-title.ts";

export function PatientsRoute() {
  useTitle("Patients");
  const user = useCurrentUser();
  const [registering, setRegistering] = useState(false);
  return (
    <>
      <h1>Patients</h1>
      {canRecord(user.role) ? (
        <button
          type="button"
          className="button"
          aria-expanded={registering}
          onClick={() => setRegistering((open) => !open)}
        >
          {registering ? "Close registration" : "Register a new patient"}
        </button>
      ) : null}
      {registering ? <RegisterPatientForm /> : null}
      <PatientSearch />
    </>
  );
}
