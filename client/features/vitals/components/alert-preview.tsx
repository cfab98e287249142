import type { AlertParameter, AlertPriority } from "../../../../shared/schemas/alert.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";
import { PriorityBadge } from "../../alerts/components/priority-badge.tsx";

export interface PreviewItem {
  parameter: AlertParameter;
  priority: AlertPriority;
  message: string;
  /** "upgraded": an alert of this parameter is already open and would rise to this priority. */
  event?: "raised" | "upgraded";
}

/** What the alert engine will raise for the values entered so far, before they are submitted. */
export function AlertPreview({ items, note }: { items: readonly PreviewItem[]; note?: string }) {
  const sorted = [...items].sort((a, b) => priorityRank[b.priority] - priorityRank[a.priority]);
  return (
    <div role="status" aria-live="polite" className="alert-preview">
      {sorted.length > 0 ? (
        <>
          <p className="preview-title">This entry will raise:</p>
          <ul className="preview-list">
            {sorted.map((i) => (
              <li key={i.parameter}>
                <PriorityBadge priority={i.priority} /> {i.message}
                {i.event === "upgraded" ? " (upgrades the open alert)" : ""}
              </li>
            ))}
          </ul>
          {note ? <p className="muted">{note}</p> : null}
        </>
      ) : null}
    </div>
  );
}
