import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { formatClock } from "../../../lib/time.ts";
import { snapshotSavedAt } from "../api/get-session.ts";

/** Said when the page shows this device's offline copy of the session: how old what is shown is. */
export function SnapshotNote({ detail }: { detail: SessionDetail }) {
  const savedAt = snapshotSavedAt(detail);
  if (!savedAt) return null;
  return (
    <section aria-label="Offline copy" className="banner banner-info">
      <p>
        <strong>Showing data from {formatClock(savedAt)}</strong>, saved on this device: newer readings,
        alerts and changes by others are not shown until the connection returns. New entries are saved here
        and sent then.
      </p>
    </section>
  );
}
