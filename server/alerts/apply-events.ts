import type { Transaction } from "kysely";
import type { EngineState } from "../../shared/clinical/engine/state.ts";
import type { AlertEvent } from "../../shared/clinical/engine/types.ts";
import type { Alert, AlertChangeKind, AlertParameter } from "../../shared/schemas/alert.ts";
import type { Database } from "../db/schema.ts";
import type { AlertsTable } from "../db/tables/alerts.ts";
import { insertAlert, openAlertRows, toAlerts, updateAlert } from "./repo.ts";

export interface AlertChange {
  alert: Alert;
  change: AlertChangeKind;
}

export type OpenAlertRows = Map<AlertParameter, AlertsTable>;

export async function loadOpenAlertRows(
  trx: Transaction<Database>,
  sessionId: string,
): Promise<OpenAlertRows> {
  return new Map((await openAlertRows(trx, sessionId)).map((r) => [r.parameter, r]));
}

/**
 * Mirrors the engine's events into the alerts table (one open row per session and parameter) and
 * returns what changed, to be broadcast after commit. The engine decides; this only records.
 * `known` (the session's open rows, as loadOpenAlertRows read them in this transaction) saves the query
 * and is brought up to date, so a batch stepping a session reading by reading reads its alerts once.
 */
export async function applyEngineEvents(
  trx: Transaction<Database>,
  sessionId: string,
  events: AlertEvent[],
  state: EngineState,
  now: Date,
  known?: OpenAlertRows,
): Promise<AlertChange[]> {
  const open = new Map(known ?? (await loadOpenAlertRows(trx, sessionId)));
  const changed: { row: AlertsTable; change: AlertChangeKind }[] = [];
  for (const event of events) {
    const at = new Date(event.t);
    const current = open.get(event.parameter);
    let row: AlertsTable;
    if (!current && (event.event === "escalated" || event.event === "cleared")) continue;
    if (event.event === "raised" || !current) {
      if (current) await updateAlert(trx, current.id, { status: "cleared", cleared_at: at, updated_at: now });
      row = await insertAlert(trx, newAlertRow(sessionId, event, now));
      open.set(event.parameter, row);
    } else if (event.event === "upgraded") {
      row = await updateAlert(trx, current.id, {
        priority: event.priority,
        message: event.message,
        value: event.value,
        updated_at: now,
        condition_present: true,
        // A higher priority (or a new alerting observation) needs a fresh acknowledgement.
        acknowledged_at: null,
        acknowledged_by: null,
        acknowledgement_note: null,
        escalated_at: null,
      });
    } else if (event.event === "escalated") {
      row = await updateAlert(trx, current.id, { escalated_at: at, updated_at: now });
    } else {
      row = await updateAlert(trx, current.id, { status: "cleared", cleared_at: at, updated_at: now });
      open.delete(event.parameter);
    }
    changed.push({ row, change: event.event });
  }
  // A latched high alert whose condition cleared stays open: record that the condition is gone.
  for (const engineAlert of state.alerts) {
    const row = open.get(engineAlert.parameter);
    if (row && row.condition_present === engineAlert.conditionCleared) {
      const updated = await updateAlert(trx, row.id, {
        condition_present: !engineAlert.conditionCleared,
        updated_at: now,
      });
      changed.push({ row: updated, change: engineAlert.conditionCleared ? "latched" : "upgraded" });
    }
  }
  if (known) {
    known.clear();
    for (const [parameter, row] of open) known.set(parameter, row);
    // The rows as written now (an upgrade or latch rewrote the row the loops above looked at).
    for (const { row } of changed) {
      if (row.status === "open") known.set(row.parameter, row);
      else known.delete(row.parameter);
    }
  }
  const alerts = await toAlerts(
    trx,
    changed.map((c) => c.row),
  );
  return alerts.map((alert, i) => ({ alert, change: changed[i]!.change }));
}

function newAlertRow(sessionId: string, event: AlertEvent, now: Date): AlertsTable {
  return {
    id: crypto.randomUUID(),
    session_id: sessionId,
    parameter: event.parameter,
    priority: event.priority,
    status: "open",
    message: event.message,
    value: event.value,
    raised_at: new Date(event.t),
    created_at: now,
    updated_at: now,
    cleared_at: null,
    escalated_at: null,
    condition_present: true,
    acknowledged_at: null,
    acknowledged_by: null,
    acknowledgement_note: null,
  };
}
