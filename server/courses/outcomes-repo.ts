import type { Kysely, Selectable, Transaction } from "kysely";
import { madrsSeverity, phq9Severity, phq9Total } from "../../shared/clinical/courses/outcomes.ts";
import type { OutcomeScore, RecordOutcomeRequest } from "../../shared/schemas/outcome.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { OutcomeScoresTable } from "../db/tables/patients.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function toScores(db: Db, rows: Selectable<OutcomeScoresTable>[]): Promise<OutcomeScore[]> {
  const actors = await actorsById(
    db,
    rows.map((r) => r.recorded_by),
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    instrument: r.instrument,
    items: (r.items as number[] | null) ?? null,
    total: r.total,
    severity: r.instrument === "phq9" ? phq9Severity(r.total).label : madrsSeverity(r.total),
    respondent: r.respondent,
    recordedBy: actorOf(actors, r.recorded_by),
    recordedAt: iso(r.recorded_at),
  }));
}

export async function insertOutcome(
  db: Db,
  entry: { patientId: string; sessionId: string; input: RecordOutcomeRequest; by: string; at: Date },
): Promise<OutcomeScore> {
  const { input } = entry;
  const row = await db
    .insertInto("outcome_scores")
    .values({
      id: crypto.randomUUID(),
      patient_id: entry.patientId,
      session_id: entry.sessionId,
      instrument: input.instrument,
      items: input.instrument === "phq9" ? JSON.stringify(input.items) : null,
      total: input.instrument === "phq9" ? phq9Total(input.items) : input.total,
      respondent: input.instrument === "phq9" ? input.respondent : null,
      recorded_by: entry.by,
      recorded_at: entry.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const [score] = await toScores(db, [row]);
  return score!;
}

/** Scores of a patient (or of one session), oldest first. */
export async function listOutcomes(
  db: Db,
  filter: { patientId?: string; sessionId?: string },
): Promise<OutcomeScore[]> {
  let query = db.selectFrom("outcome_scores").selectAll().orderBy("recorded_at").orderBy("id");
  if (filter.patientId) query = query.where("patient_id", "=", filter.patientId);
  if (filter.sessionId) query = query.where("session_id", "=", filter.sessionId);
  return toScores(db, await query.execute());
}
