import type { Patient } from "../../../../shared/schemas/patient.ts";
import type { PatientRecord } from "../../../../shared/schemas/patient-record.ts";

export function PatientCard({ patient }: { patient: Patient | PatientRecord }) {
  const record = "allergies" in patient ? patient : null;
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
      {record ? (
        <>
          <div>
            <dt>Allergies</dt>
            <dd>{record.allergies || "none known"}</dd>
          </div>
          <div>
            <dt>Contraindication history</dt>
            <dd>{record.contraindications || "none recorded"}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
