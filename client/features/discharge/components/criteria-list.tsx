import type { CriterionView } from "../../../../shared/schemas/discharge-readiness.ts";

/** Met / not met as icon and text (never colour alone), with the reason. */
export function CriterionStatus({ met }: { met: boolean }) {
  return (
    <span className={met ? "criterion-status criterion-met" : "criterion-status criterion-unmet"}>
      <span aria-hidden="true">{met ? "✓" : "✗"}</span> {met ? "Met" : "Not met"}
    </span>
  );
}

export function CriteriaList({ label, criteria }: { label: string; criteria: readonly CriterionView[] }) {
  return (
    <ul aria-label={label} className="plain-list criteria-list">
      {criteria.map((c) => (
        <li key={c.id} className="criterion">
          <CriterionStatus met={c.met} /> <strong>{c.label}</strong>
          <span className="muted"> — {c.reason}</span>
        </li>
      ))}
    </ul>
  );
}
