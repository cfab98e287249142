import type { Alert } from "../../shared/schemas/alert.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { findAlertRow, lockAlertRow, toAlerts, updateAlert } from "./repo.ts";
import { alertChanges, runEngine } from "./run-engine.ts";

/**
 * A physician acknowledges an alert: who, when and an optional note are stored and shown to
 * everyone; the engine stops its escalation and, for a latched alert whose condition is gone,
 * clears it. Allowed after discharge too: an alarm must always be resettable.
 */
export async function acknowledgeAlert(
  ctx: AppContext,
  user: User,
  alertId: string,
  note?: string,
): Promise<Alert> {
  const found = await findAlertRow(ctx.db, alertId);
  if (!found) throw notFound("Alert");
  return writeToSession(
    ctx,
    found.session_id,
    async (trx, session) => {
      const row = await lockAlertRow(trx, alertId);
      if (!row) throw notFound("Alert");
      // Acknowledging twice changes nothing: the first acknowledgement stands.
      if (row.acknowledged_at) return { result: (await toAlerts(trx, [row]))[0]!, changes: [] };
      const now = ctx.now();
      const updated = await updateAlert(trx, alertId, {
        acknowledged_at: now,
        acknowledged_by: user.id,
        acknowledgement_note: note || null,
        updated_at: now,
      });
      const acknowledged = (await toAlerts(trx, [updated]))[0]!;
      const engine =
        row.status === "open"
          ? await runEngine(
              trx,
              session,
              { kind: "ack", t: now.getTime(), parameter: row.parameter, by: user.id },
              now,
            )
          : [];
      const cleared = engine.find((c) => c.alert.id === alertId && c.alert.status === "cleared");
      return {
        result: cleared?.alert ?? acknowledged,
        changes: [
          { type: "alert:changed" as const, alert: acknowledged, change: "acknowledged" as const },
          ...alertChanges(engine),
        ],
      };
    },
    { allowLocked: true, actor: user, action: "alert.acknowledge" },
  );
}
