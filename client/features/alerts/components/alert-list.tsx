import type { Alert } from "../../../../shared/schemas/alert.ts";
import { sortAlerts } from "../alert-display.ts";
import { AlertItem } from "./alert-item.tsx";

interface Props {
  alerts: readonly Alert[];
  canAcknowledge: boolean;
  /** A label per alert, e.g. the chair and patient on the station panel. */
  contextFor?: (alert: Alert) => string;
  emptyText?: string;
}

/** Alerts sorted by priority then time; physicians may acknowledge. */
export function AlertList({ alerts, canAcknowledge, contextFor, emptyText = "No alerts." }: Props) {
  const sorted = sortAlerts(alerts);
  return (
    <>
      <ul aria-label="Alerts" className="alert-list">
        {sorted.map((a) => (
          <AlertItem key={a.id} alert={a} canAcknowledge={canAcknowledge} context={contextFor?.(a)} />
        ))}
      </ul>
      {sorted.length === 0 ? <p className="muted">{emptyText}</p> : null}
    </>
  );
}
