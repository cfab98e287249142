import type { Kysely, Transaction } from "kysely";
import type {
  BlockingAnswer,
  ScreeningAnswers,
  ScreeningKind,
} from "../../shared/clinical/screening/checklist.ts";
import type { ScreeningProfile } from "../../shared/clinical/screening/profile.ts";
import type { ScreeningRecord } from "../../shared/schemas/screening.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The session's latest screening (a correction is a new record; nothing is overwritten). */
export async function latestScreening(db: Db, sessionId: string): Promise<ScreeningRecord | null> {
  const row = await db
    .selectFrom("screening_records")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("recorded_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row) return null;
  const actors = await actorsById(db, [row.recorded_by]);
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind,
    answers: row.answers as ScreeningAnswers,
    medications: row.medications,
    note: row.note,
    blocking: row.blocking as BlockingAnswer[],
    recordedBy: actorOf(actors, row.recorded_by),
    recordedAt: iso(row.recorded_at),
  };
}

export async function insertScreening(
  trx: Transaction<Database>,
  entry: {
    sessionId: string;
    kind: ScreeningKind;
    answers: ScreeningAnswers;
    medications: string;
    note: string;
    blocking: BlockingAnswer[];
    profile: ScreeningProfile;
    by: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto("screening_records")
    .values({
      id: crypto.randomUUID(),
      session_id: entry.sessionId,
      kind: entry.kind,
      answers: JSON.stringify(entry.answers),
      medications: entry.medications,
      note: entry.note,
      blocking: JSON.stringify(entry.blocking),
      profile: JSON.stringify(entry.profile),
      recorded_by: entry.by,
      recorded_at: entry.at,
    })
    .execute();
}

/** The first infusion of a patient gets the full checklist: no earlier session of theirs started one. */
export async function screeningKindFor(
  db: Db,
  session: { id: string; patientId: string },
): Promise<ScreeningKind> {
  const earlier = await db
    .selectFrom("infusion_sessions")
    .select("id")
    .where("patient_id", "=", session.patientId)
    .where("id", "<>", session.id)
    .where("infusion_started_at", "is not", null)
    .executeTakeFirst();
  return earlier ? "follow_up" : "initial";
}

/** The latest valid (not entered in error) BP reading of the session: the baseline the gate judges. */
export async function latestBaselineBp(db: Db, sessionId: string) {
  return db
    .selectFrom("vitals_readings")
    .select(["sbp", "dbp", "observed_at"])
    .where("session_id", "=", sessionId)
    .where("sbp", "is not", null)
    .where("dbp", "is not", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reading_amendments")
            .select("reading_amendments.reading_id")
            .whereRef("reading_amendments.reading_id", "=", "vitals_readings.id"),
        ),
      ),
    )
    .orderBy("observed_at", "desc")
    .orderBy("recorded_at", "desc")
    .executeTakeFirst();
}
