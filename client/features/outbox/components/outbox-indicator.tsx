import { entriesText, useOutboxCounts } from "../use-outbox.ts";

/**
 * The top bar's count of everything this device has not yet synced. Always present as a live
 * region, so a change is announced; empty when nothing waits.
 */
export function OutboxIndicator() {
  const { waiting, rejected, otherUsers } = useOutboxCounts();
  const parts = [
    waiting > 0 ? `${entriesText(waiting)} waiting to sync` : null,
    rejected > 0 ? `${entriesText(rejected)} not accepted` : null,
    otherUsers > 0 ? `${entriesText(otherUsers)} of another login, sent when they log in` : null,
  ].filter(Boolean);
  return (
    <span
      role="status"
      aria-label="Unsynced entries"
      className={
        parts.length > 0
          ? `badge outbox-indicator ${rejected > 0 ? "badge-high" : "badge-medium"}`
          : "visually-hidden"
      }
    >
      {parts.length > 0 ? `⟳ ${parts.join(" · ")}` : ""}
    </span>
  );
}
