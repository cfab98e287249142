import { type FormEvent, useState } from "react";
import {
  type ChecklistItems,
  checklistItemIds,
  checklistItemLabels,
} from "../../../../shared/clinical/discharge/checklist.ts";
import type { ChecklistState } from "../../../../shared/schemas/discharge-readiness.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { useUpdateChecklist } from "../api/update-checklist.ts";

/**
 * The nurse's discharge checklist: checkboxes saved together as a new stored version; the latest
 * version is shown with who updated it and when. Read-only for those who cannot record.
 */
export function ChecklistForm({
  sessionId,
  checklist,
  editable,
}: {
  sessionId: string;
  checklist: ChecklistState;
  editable: boolean;
}) {
  const save = useUpdateChecklist(sessionId);
  const [draft, setDraft] = useState<ChecklistItems | null>(null);
  const items = draft ?? checklist.items;
  const changed = draft !== null && checklistItemIds.some((id) => draft[id] !== checklist.items[id]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(items, { onSuccess: () => setDraft(null) });
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="checklist-heading" className="checklist-form">
      <fieldset>
        <legend id="checklist-heading">Nurse’s discharge checklist</legend>
        {checklistItemIds.map((id) => (
          <div className="field checkbox-field" key={id}>
            <input
              id={`checklist-${id}`}
              type="checkbox"
              checked={items[id]}
              disabled={!editable}
              onChange={(e) => setDraft({ ...items, [id]: e.target.checked })}
            />
            <label htmlFor={`checklist-${id}`}>{checklistItemLabels[id]}</label>
          </div>
        ))}
      </fieldset>
      <p className="muted" aria-live="polite">
        {checklist.updatedBy && checklist.updatedAt
          ? `Last updated by ${checklist.updatedBy.displayName} at ${formatDateTime(checklist.updatedAt)}`
          : "Not updated yet"}
        {changed ? " — unsaved changes" : ""}
      </p>
      <ErrorBanner error={save.error} title="Checklist not saved" />
      {editable ? (
        <button type="submit" className="button" disabled={save.isPending || !changed}>
          Save checklist
        </button>
      ) : null}
    </form>
  );
}
