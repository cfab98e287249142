import type { Finding } from "../../../../shared/clinical/alert-rules.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import { PriorityBadge } from "../../alerts/components/priority-badge.tsx";

/** What the shared alert rules will raise for the values typed so far, before they are submitted. */
export function AlertPreview({ findings }: { findings: readonly Finding[] }) {
  const raised = findings
    .filter((f) => f.level !== null)
    .sort((a, b) => priorityRank[b.level!.priority] - priorityRank[a.level!.priority]);
  return (
    <div role="status" aria-live="polite" className="alert-preview">
      {raised.length > 0 ? (
        <>
          <p className="preview-title">This entry will raise:</p>
          <ul className="preview-list">
            {raised.map((f) => (
              <li key={f.parameter}>
                <PriorityBadge priority={f.level!.priority} /> {f.level!.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
