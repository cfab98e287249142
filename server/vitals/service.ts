import { meanArterialPressure } from "../../shared/clinical/vitals.ts";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { RecordVitals } from "../../shared/schemas/vitals.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import type { VitalsReadingsTable } from "../db/schema.ts";
import { HttpError } from "../http/errors.ts";
import { checkObservedAt } from "../sessions/clinical-time.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { findReadingRow, insertReading, readingFromRow } from "./repo.ts";

/**
 * The one way in for vitals, whatever their source (form, simulator, device gateway): idempotent on
 * the client id, stored with clinical and recorded time, evaluated for alerts in the same transaction.
 */
export async function recordVitals(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: RecordVitals,
): Promise<RecordVitalsResponse> {
  const replay = await findReadingRow(ctx.db, input.id);
  if (replay) return replayed(ctx, replay, sessionId);

  return writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      const again = await findReadingRow(trx, input.id);
      if (again) return { result: await replayed(ctx, again, sessionId), changes: [] };
      const now = ctx.now();
      const observedAt = new Date(input.observedAt);
      checkObservedAt(observedAt, session, now);
      const values = {
        sbp: input.sbp ?? null,
        dbp: input.dbp ?? null,
        hr: input.hr ?? null,
        spo2: input.spo2 ?? null,
        rr: input.rr ?? null,
      };
      const reading = await insertReading(trx, {
        id: input.id,
        session_id: sessionId,
        observed_at: observedAt,
        recorded_at: now,
        source: input.source,
        ...values,
        map: values.sbp !== null && values.dbp !== null ? meanArterialPressure(values.sbp, values.dbp) : null,
        recorded_by: user.id,
      });
      const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
      const alerts = await runEngine(
        trx,
        session,
        { kind: "vitals", t: observedAt.getTime(), source: input.source, ...present },
        now,
      );
      return {
        result: { reading, alerts: alerts.map((a) => a.alert), created: true },
        changes: [{ type: "vitals:recorded" as const, reading }, ...alertChanges(alerts)],
      };
    },
    { actor: user },
  );
}

async function replayed(
  ctx: AppContext,
  row: VitalsReadingsTable,
  sessionId: string,
): Promise<RecordVitalsResponse> {
  if (row.session_id !== sessionId) {
    throw new HttpError(409, "conflict", "This reading id is already used by another session.", {
      issues: [{ path: "id", message: "is already used by another session" }],
    });
  }
  return { reading: await readingFromRow(ctx.db, row), alerts: [], created: false };
}
