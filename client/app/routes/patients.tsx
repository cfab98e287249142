import { PatientSearch } from "../../features/patients/components/patient-search.tsx";
import { useTitle } from "../../lib/use-title.ts";

export function PatientsRoute() {
  useTitle("Patients");
  return (
    <>
      <h1>Patients</h1>
      <PatientSearch />
    </>
  );
}
