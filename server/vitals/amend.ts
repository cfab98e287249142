import type {
  ReadingAmendmentResponse,
  ReadingEnteredInErrorRequest,
} from "../../shared/schemas/amendment.ts";
import type { User } from "../../shared/schemas/user.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { buildSummary } from "../sessions/views.ts";
import { findReadingAmendment, insertReadingAmendment } from "./amendments-repo.ts";
import { checkCorrectionTime, newReadingRow } from "./correction.ts";
import { excludeFromEngine, vitalValues } from "./engine-exclusion.ts";
import { findReadingRow, insertReading, readingFromRow } from "./repo.ts";

export const alreadyEnteredInError = (what: string) =>
  new HttpError(409, "already_entered_in_error", `This ${what} is already entered in error.`);

/**
 * Amendments, never deletion: the reading's row stays as stored; an amendment row (reason, who, when)
 * marks it entered in error, and an optional corrected reading is a new row that supersedes it. From
 * now on the alert engine forgets it (its samples and, for a pre-infusion reading, its part of the
 * baseline); alerts it already raised are not re-evaluated. Refused when locked or already amended.
 */
export async function enterReadingInError(
  ctx: AppContext,
  user: User,
  readingId: string,
  input: ReadingEnteredInErrorRequest,
): Promise<ReadingAmendmentResponse> {
  const row = await findReadingRow(ctx.db, readingId);
  if (!row) throw notFound("Reading");
  const { response, session } = await writeToSession(
    ctx,
    row.session_id,
    async (trx, session) => {
      if (await findReadingAmendment(trx, readingId)) throw alreadyEnteredInError("reading");
      const now = ctx.now();
      const correctionRow = input.correction
        ? newReadingRow(input.correction, session.id, user.id, now)
        : null;
      if (correctionRow && input.correction) {
        checkCorrectionTime(correctionRow.observed_at, session, now);
        if (await findReadingRow(trx, correctionRow.id)) {
          throw new HttpError(409, "conflict", "The corrected reading's id is already used.", {
            issues: [{ path: "correction.id", message: "is already used" }],
          });
        }
      }
      const correction = correctionRow ? await insertReading(trx, correctionRow) : null;
      await insertReadingAmendment(trx, {
        reading_id: readingId,
        session_id: session.id,
        reason: input.reason.trim(),
        amended_by: user.id,
        amended_at: now,
        correction_id: correction?.id ?? null,
      });
      await excludeFromEngine(
        trx,
        session,
        { t: row.observed_at.getTime(), values: vitalValues(row), exceptId: correction?.id ?? null },
        now,
      );
      const alerts =
        correctionRow && correction
          ? await runEngine(
              trx,
              session,
              {
                kind: "vitals",
                t: correctionRow.observed_at.getTime(),
                source: correctionRow.source,
                ...vitalValues(correctionRow),
              },
              now,
            )
          : [];
      const original = await readingFromRow(trx, row);
      const corrected = correctionRow ? await readingFromRow(trx, correctionRow) : null;
      return {
        result: {
          response: { original, correction: corrected, alerts: alerts.map((a) => a.alert) },
          session,
        },
        changes: [
          // the amended original: clients refetch the record on session:updated
          { type: "session:updated" as const, session },
          ...(corrected ? [{ type: "vitals:recorded" as const, reading: corrected }] : []),
          ...alertChanges(alerts),
        ],
      };
    },
    { actor: user, action: "vitals.enter_in_error" },
  );
  ctx.publisher.stationChanged(await buildSummary(ctx.db, session));
  return response;
}
