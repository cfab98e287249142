import type { Patient } from "../../../../shared/schemas/patient.ts";

export function PatientCard({ patient }: { patient: Patient }) {
  return (
    <dl className="facts">
      <div>
        <dt>MRN</dt>
        <dd>{patient.mrn}</dd>
      </div>
      <div>
        <dt>Date of birth</dt>
        <dd>{patient.dateOfBirth}</dd>
      </div>
      <div>
        <dt>Weight</dt>
        <dd>{patient.weightKg === null ? "not recorded" : `${patient.weightKg} kg`}</dd>
      </div>
    </dl>
  );
}
