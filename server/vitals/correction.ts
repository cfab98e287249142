import { meanArterialPressure } from "../../shared/clinical/vitals.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { RecordVitals, RecordVitalsRequest } from "../../shared/schemas/vitals.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";
import { HttpError } from "../http/errors.ts";
import { checkObservedAt } from "../sessions/clinical-time.ts";

/** The row of a corrected reading: the same rules as any entry (MAP derived, recorded now, by the amender). */
export function newReadingRow(
  input: RecordVitals | RecordVitalsRequest,
  sessionId: string,
  userId: string,
  now: Date,
): VitalsReadingsTable {
  const sbp = input.sbp ?? null;
  const dbp = input.dbp ?? null;
  return {
    id: input.id,
    session_id: sessionId,
    observed_at: new Date(input.observedAt),
    recorded_at: now,
    source: input.source ?? "manual",
    sbp,
    dbp,
    map: sbp !== null && dbp !== null ? meanArterialPressure(sbp, dbp) : null,
    hr: input.hr ?? null,
    spo2: input.spo2 ?? null,
    rr: input.rr ?? null,
    recorded_by: userId,
    // Stepped by the amendment itself (which writes an engine snapshot), never replayed by seq.
    session_seq: null,
  };
}

/** The clinical-time check of an entry, reported on the correction's own field. */
export function checkCorrectionTime(observedAt: Date, session: InfusionSession, now: Date): void {
  try {
    checkObservedAt(observedAt, session, now);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const issues = (error.extra.issues ?? []).map((i) => ({ ...i, path: `correction.${i.path}` }));
    throw new HttpError(
      error.status,
      error.code,
      error.message.replace("observedAt", "correction.observedAt"),
      {
        issues,
      },
    );
  }
}
