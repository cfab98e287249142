import { useMatch } from "react-router";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import { useDismissProvisional, useShownProvisionals } from "../provisional/provisional-cache.ts";
import { announcement, listAlarms } from "../provisional/provisional-display.ts";
import { ProvisionalItem } from "../provisional/provisional-item.tsx";
import type { ProvisionalEntry } from "../provisional/reconcile.ts";
import { AlertItem } from "./alert-item.tsx";

interface Props {
  alerts: readonly Alert[];
  canAcknowledge: boolean;
  /** May clear unconfirmed provisional alarms from this screen (default: as canAcknowledge). */
  canDismiss?: boolean;
  /**
   * The provisional alarms to list with the alerts; by default those of the session page being shown
   * (none elsewhere).
   */
  provisionals?: readonly ProvisionalEntry[];
  /** A label per session, e.g. the chair and patient on the station panel. */
  contextFor?: (sessionId: string) => string;
  emptyText?: string;
}

/**
 * Alerts and provisional alarms sorted by priority then time; physicians may acknowledge alerts, and
 * those who check the patient (nurses and physicians) may dismiss unconfirmed alarms. Provisional alarms are also announced in a polite live region.
 */
export function AlertList({
  alerts,
  canAcknowledge,
  canDismiss = canAcknowledge,
  provisionals,
  contextFor,
  emptyText = "No alerts.",
}: Props) {
  const pageSessionId = useMatch("/sessions/:id")?.params.id;
  const all = useShownProvisionals();
  const dismiss = useDismissProvisional();
  const shown = provisionals ?? all.filter((e) => e.alarm.sessionId === pageSessionId);
  const items = listAlarms(alerts, shown);
  return (
    <>
      <ul aria-label="Alerts" className="alert-list">
        {items.map((item) =>
          item.kind === "alert" ? (
            <AlertItem
              key={item.alert.id}
              alert={item.alert}
              canAcknowledge={canAcknowledge}
              context={contextFor?.(item.alert.sessionId)}
            />
          ) : (
            <ProvisionalItem
              key={`provisional:${item.entry.id}`}
              entry={item.entry}
              canDismiss={canDismiss}
              onDismiss={dismiss}
              context={contextFor?.(item.entry.alarm.sessionId)}
            />
          ),
        )}
      </ul>
      {items.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <div role="status" aria-label="Provisional alarms" className="visually-hidden">
        {shown.map((e) => (
          <p key={e.id}>{announcement(e, contextFor?.(e.alarm.sessionId))}</p>
        ))}
      </div>
    </>
  );
}
