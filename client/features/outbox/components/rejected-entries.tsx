import { useState } from "react";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatClock } from "../../../lib/time.ts";
import type { OutboxEntry } from "../outbox-entry.ts";
import { useOutbox, useOutboxEntries } from "../use-outbox.ts";

function RejectedEntry({
  entry,
  describe,
  onEdit,
}: {
  entry: OutboxEntry;
  describe: (entry: OutboxEntry) => string;
  onEdit: (entry: OutboxEntry) => void;
}) {
  const { discard } = useOutbox();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = `${describe(entry)}, observed ${formatClock(entry.body.observedAt)}`;
  const issues = entry.rejection?.issues ?? [];
  return (
    <li className="rejected-entry">
      <p>
        <strong>{label}</strong>: {entry.rejection?.message ?? entry.lastError}
      </p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <div className="form-actions">
          <span>Discard this entry? The server never stored it.</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => discard(entry.id).catch(setError)}
          >
            Yes, discard
          </button>
          <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => onEdit(entry)}
            aria-label={`Correct ${label}`}
          >
            Correct
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => setConfirming(true)}
            aria-label={`Discard ${label}`}
          >
            Discard
          </button>
        </div>
      )}
      <ErrorBanner error={error} title="Could not discard" />
    </li>
  );
}

/**
 * Entries of one kind the server refused for this session: kept on the device until the nurse
 * corrects (back into the form, same id) or explicitly discards each one.
 */
export function RejectedEntries({
  sessionId,
  kind,
  describe,
  onEdit,
}: {
  sessionId: string;
  kind: OutboxEntry["kind"];
  describe: (entry: OutboxEntry) => string;
  onEdit: (entry: OutboxEntry) => void;
}) {
  const { userId } = useOutbox();
  // another user's entry is theirs to correct: resubmitted here it would carry this user's name
  const rejected = useOutboxEntries(sessionId).filter(
    (e) => e.kind === kind && e.status === "rejected" && e.userId === userId,
  );
  if (rejected.length === 0) return null;
  const heading = `${kind}-rejected-heading`;
  return (
    <section role="alert" aria-labelledby={heading} className="banner banner-error rejected-entries">
      <h3 id={heading}>Not accepted by the server</h3>
      <ul>
        {rejected.map((e) => (
          <RejectedEntry key={e.id} entry={e} describe={describe} onEdit={onEdit} />
        ))}
      </ul>
    </section>
  );
}
