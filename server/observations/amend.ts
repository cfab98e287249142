import type {
  ObservationAmendmentResponse,
  ObservationEnteredInErrorRequest,
} from "../../shared/schemas/amendment.ts";
import { recordObservationRequestSchema } from "../../shared/schemas/observation.ts";
import type { User } from "../../shared/schemas/user.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import type { ObservationsTable } from "../db/tables/sessions.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { alreadyEnteredInError } from "../vitals/amend.ts";
import { checkCorrectionTime } from "../vitals/correction.ts";
import { excludeFromEngine } from "../vitals/engine-exclusion.ts";
import { findObservationAmendment, insertObservationAmendment } from "./amendments-repo.ts";
import { findObservationRow, insertObservation, observationFromRow } from "./repo.ts";

/**
 * An observation entered in error: the row stays, an amendment row says why, who and when, and an
 * optional corrected observation supersedes it. A MOAA/S check leaves the engine's memory; alerts
 * already raised stay as they are. Refused when locked or already amended.
 */
export async function enterObservationInError(
  ctx: AppContext,
  user: User,
  observationId: string,
  input: ObservationEnteredInErrorRequest,
): Promise<ObservationAmendmentResponse> {
  const row = await findObservationRow(ctx.db, observationId);
  if (!row) throw notFound("Observation");
  const correctionInput = input.correction ? recordObservationRequestSchema.parse(input.correction) : null;
  return writeToSession(
    ctx,
    row.session_id,
    async (trx, session) => {
      if (await findObservationAmendment(trx, observationId)) throw alreadyEnteredInError("observation");
      const now = ctx.now();
      let correctionRow: ObservationsTable | null = null;
      if (correctionInput) {
        correctionRow = {
          id: correctionInput.id,
          session_id: session.id,
          observed_at: new Date(correctionInput.observedAt),
          recorded_at: now,
          type: correctionInput.type,
          severity: correctionInput.severity ?? null,
          moaas: correctionInput.moaas ?? null,
          note: correctionInput.note || null,
          recorded_by: user.id,
        };
        checkCorrectionTime(correctionRow.observed_at, session, now);
        if (await findObservationRow(trx, correctionRow.id)) {
          throw new HttpError(409, "conflict", "The corrected observation's id is already used.", {
            issues: [{ path: "correction.id", message: "is already used" }],
          });
        }
        await insertObservation(trx, correctionRow);
      }
      await insertObservationAmendment(trx, {
        observation_id: observationId,
        session_id: session.id,
        reason: input.reason.trim(),
        amended_by: user.id,
        amended_at: now,
        correction_id: correctionRow?.id ?? null,
      });
      if (row.type === "sedation" && row.moaas !== null) {
        const entry = { t: row.observed_at.getTime(), values: { moaas: row.moaas }, exceptId: null };
        await excludeFromEngine(trx, session, entry, now);
      }
      const alerts = correctionRow
        ? await runEngine(
            trx,
            session,
            {
              kind: "observation",
              t: correctionRow.observed_at.getTime(),
              type: correctionRow.type,
              severity: correctionRow.severity,
              moaas: correctionRow.moaas,
            },
            now,
          )
        : [];
      const original = await observationFromRow(trx, row);
      const correction = correctionRow ? await observationFromRow(trx, correctionRow) : null;
      return {
        result: { original, correction, alerts: alerts.map((a) => a.alert) },
        changes: [
          { type: "session:updated" as const, session },
          ...(correction ? [{ type: "observation:recorded" as const, observation: correction }] : []),
          ...alertChanges(alerts),
        ],
      };
    },
    { actor: user, action: "observation.enter_in_error" },
  );
}
