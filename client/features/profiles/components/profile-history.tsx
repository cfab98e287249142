import type { ProfileVersion } from "../../../../shared/schemas/profile.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { roleLabels } from "../../auth/roles.ts";

/** Every stored version of a profile: who changed it, when and why. Newest first. */
export function ProfileHistory({
  history,
  headingId,
  heading,
}: {
  history: readonly ProfileVersion[];
  headingId: string;
  heading: string;
}) {
  const newestFirst = [...history].sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {newestFirst.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol className="plain-list profile-history">
          {newestFirst.map((v) => (
            <li key={v.id}>
              <time dateTime={v.changedAt}>{formatDateTime(v.changedAt)}</time> —{" "}
              <strong>{v.changedBy.displayName}</strong> ({roleLabels[v.changedBy.role]}): “{v.reason}”
              <span className="muted"> · {v.profile.name}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
