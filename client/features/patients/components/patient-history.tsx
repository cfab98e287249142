import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { usePatientHistory } from "../api/get-patient-history.ts";

/** Every stored version of the record, newest first: what it said, who wrote it, when and why. */
export function PatientHistory({ patientId, version }: { patientId: string; version: number }) {
  const { data, error } = usePatientHistory(patientId);
  if (version <= 1 && !data) return null;
  return (
    <details className="disclosure">
      <summary>
        Record history ({version} {version === 1 ? "version" : "versions"})
      </summary>
      <ErrorBanner error={error} title="Could not load the history" />
      <ol aria-label="Record versions" className="plain-list">
        {(data ?? []).map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> · {formatDateTime(v.changedAt)} ·{" "}
            {v.changedBy?.displayName ?? "system"}
            {v.reason ? ` · “${v.reason}”` : ""}
            <br />
            {v.fullName}, MRN {v.mrn}, born {v.dateOfBirth},{" "}
            {v.weightKg === null ? "weight not recorded" : `${v.weightKg} kg`}; allergies:{" "}
            {v.allergies || "none known"}; contraindications: {v.contraindications || "none recorded"}
          </li>
        ))}
      </ol>
    </details>
  );
}
