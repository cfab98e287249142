import { phaseLabels } from "../../../../shared/schemas/session.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatDateTime } from "../../../lib/time.ts";

const when = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

/** Patient, protocol and dose, and the session's times. */
export function ReportHeader({ detail }: { detail: SessionDetail }) {
  const { patient, session } = detail;
  const facts: [string, string][] = [
    ["Patient", patient.fullName],
    ["MRN", patient.mrn],
    ["Date of birth", patient.dateOfBirth],
    ["Chair", session.chair],
    ["Protocol", `IV ketamine ${session.doseMgPerKg} mg/kg over ${session.plannedDurationMin} min`],
    ["Weight", `${session.weightKg} kg`],
    ["Total dose", `${session.totalDoseMg} mg`],
    ["Phase", phaseLabels[session.phase]],
    ["Session started", when(session.createdAt)],
    ["Infusion started", when(session.infusionStartedAt)],
    ["Infusion stopped", when(session.infusionStoppedAt)],
    ["Discharged", when(session.dischargedAt)],
  ];
  return (
    <section aria-labelledby="report-summary" className="report-section">
      <h2 id="report-summary">Patient and protocol</h2>
      <dl className="report-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
