import { entriesText, useOutboxCounts } from "../use-outbox.ts";

/** The session page's own count: entries of this session saved here but not yet on the server. */
export function SessionOutboxStatus({ sessionId }: { sessionId: string }) {
  const { waiting, rejected, otherUsers } = useOutboxCounts(sessionId);
  return (
    <div
      role="status"
      className={
        waiting + rejected + otherUsers > 0 ? "banner banner-info outbox-session" : "visually-hidden"
      }
    >
      {waiting > 0 ? (
        <p className="outbox-waiting">
          ⟳ {entriesText(waiting)} waiting to sync. They are saved on this device and will be sent
          automatically.
        </p>
      ) : null}
      {rejected > 0 ? (
        <p className="outbox-rejected">
          ✕ {entriesText(rejected)} not accepted by the server: correct or discard{" "}
          {rejected === 1 ? "it" : "them"} in the entry forms.
        </p>
      ) : null}
      {otherUsers > 0 ? (
        <p>
          ⟳ {entriesText(otherUsers)} entered here under another login: sent when that user logs in again.
        </p>
      ) : null}
    </div>
  );
}
