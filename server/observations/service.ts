import type { RecordObservationRequest } from "../../shared/schemas/observation.ts";
import type { RecordObservationResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import type { ObservationsTable } from "../db/tables/sessions.ts";
import { HttpError } from "../http/errors.ts";
import { checkObservedAt } from "../sessions/clinical-time.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { findObservationRow, insertObservation, observationFromRow } from "./repo.ts";

/** Side effects and MOAA/S checks: idempotent on the client id, evaluated for alerts in the same transaction. */
export async function recordObservation(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: RecordObservationRequest,
): Promise<RecordObservationResponse> {
  const replay = await findObservationRow(ctx.db, input.id);
  if (replay) return replayed(ctx.db, replay, sessionId);

  return writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      const again = await findObservationRow(trx, input.id);
      // Inside the transaction every read goes through trx: on PGlite ctx.db waits for this very transaction.
      if (again) return { result: await replayed(trx, again, sessionId), changes: [] };
      const now = ctx.now();
      const observedAt = new Date(input.observedAt);
      checkObservedAt(observedAt, session, now);
      const observation = await insertObservation(trx, {
        id: input.id,
        session_id: sessionId,
        observed_at: observedAt,
        recorded_at: now,
        type: input.type,
        severity: input.severity ?? null,
        moaas: input.moaas ?? null,
        note: input.note || null,
        recorded_by: user.id,
      });
      const alerts = await runEngine(
        trx,
        session,
        {
          kind: "observation",
          t: observedAt.getTime(),
          type: observation.type,
          severity: observation.severity,
          moaas: observation.moaas,
        },
        now,
      );
      return {
        result: { observation, alerts: alerts.map((a) => a.alert), created: true },
        changes: [{ type: "observation:recorded" as const, observation }, ...alertChanges(alerts)],
      };
    },
    { actor: user },
  );
}

async function replayed(
  db: Parameters<typeof observationFromRow>[0],
  row: ObservationsTable,
  sessionId: string,
): Promise<RecordObservationResponse> {
  if (row.session_id !== sessionId) {
    throw new HttpError(409, "conflict", "This observation id is already used by another session.", {
      issues: [{ path: "id", message: "is already used by another session" }],
    });
  }
  return { observation: await observationFromRow(db, row), alerts: [], created: false };
}
