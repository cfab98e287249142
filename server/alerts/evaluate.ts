import type { Transaction } from "kysely";
import { decideAlerts, type Finding } from "../../shared/clinical/alert-rules.ts";
import type { Alert } from "../../shared/schemas/alert.ts";
import type { AlertsTable, Database } from "../db/schema.ts";
import { insertAlert, openAlertRows, toAlerts, updateAlert } from "./repo.ts";

/**
 * Applies the shared rules to new findings inside the write's transaction and returns every alert
 * that changed (raised, upgraded or cleared), ready to be broadcast after commit.
 */
export async function applyFindings(
  trx: Transaction<Database>,
  sessionId: string,
  findings: Finding[],
  observedAt: Date,
  now: Date,
): Promise<Alert[]> {
  if (findings.length === 0) return [];
  const open = await openAlertRows(trx, sessionId);
  const changed: AlertsTable[] = [];
  for (const decision of decideAlerts(findings, open)) {
    if (decision.kind === "raise") {
      changed.push(
        await insertAlert(trx, {
          id: crypto.randomUUID(),
          session_id: sessionId,
          parameter: decision.parameter,
          priority: decision.priority,
          status: "open",
          message: decision.message,
          value: decision.value,
          raised_at: observedAt,
          created_at: now,
          updated_at: now,
          cleared_at: null,
          acknowledged_at: null,
          acknowledged_by: null,
          acknowledgement_note: null,
        }),
      );
    } else if (decision.kind === "upgrade") {
      changed.push(
        await updateAlert(trx, decision.alertId, {
          priority: decision.priority,
          message: decision.message,
          value: decision.value,
          updated_at: now,
          // A higher priority needs a fresh acknowledgement.
          acknowledged_at: null,
          acknowledged_by: null,
          acknowledgement_note: null,
        }),
      );
    } else {
      changed.push(
        await updateAlert(trx, decision.alertId, {
          status: "cleared",
          cleared_at: observedAt,
          updated_at: now,
        }),
      );
    }
  }
  return toAlerts(trx, changed);
}
