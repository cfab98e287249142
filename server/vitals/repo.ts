import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { LatestValues } from "../../shared/schemas/session-views.ts";
import type { Actor } from "../../shared/schemas/user.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";
import { type AmendmentFields, finalEntry } from "../amendments/amendment-fields.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";
import { iso } from "../db/time.ts";
import { readingAmendmentFields } from "./amendments-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

export const toReading = (
  row: VitalsReadingsTable,
  recordedBy: Actor,
  amendment: AmendmentFields = finalEntry(),
): VitalsReading => ({
  id: row.id,
  sessionId: row.session_id,
  observedAt: iso(row.observed_at),
  recordedAt: iso(row.recorded_at),
  source: row.source,
  sbp: row.sbp,
  dbp: row.dbp,
  map: row.map,
  hr: row.hr,
  spo2: row.spo2,
  rr: row.rr,
  recordedBy,
  ...amendment,
});

async function withActors(db: Db, rows: VitalsReadingsTable[]): Promise<VitalsReading[]> {
  const [actors, amendments] = await Promise.all([
    actorsById(
      db,
      rows.map((r) => r.recorded_by),
    ),
    readingAmendmentFields(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => toReading(r, actorOf(actors, r.recorded_by), amendments.get(r.id)));
}

/** Leaves out readings entered in error: tiles show and the engine sees only valid readings. */
function notAmended(eb: ExpressionBuilder<Database, "vitals_readings">) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("reading_amendments")
        .select("reading_amendments.reading_id")
        .whereRef("reading_amendments.reading_id", "=", "vitals_readings.id"),
    ),
  );
}

export async function findReadingRow(db: Db, id: string): Promise<VitalsReadingsTable | undefined> {
  return db.selectFrom("vitals_readings").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertReading(db: Db, row: VitalsReadingsTable): Promise<VitalsReading> {
  const inserted = await db
    .insertInto("vitals_readings")
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
  return (await withActors(db, [inserted]))[0]!;
}

export async function readingFromRow(db: Db, row: VitalsReadingsTable): Promise<VitalsReading> {
  return (await withActors(db, [row]))[0]!;
}

export async function listReadings(db: Db, sessionId: string): Promise<VitalsReading[]> {
  const rows = await db
    .selectFrom("vitals_readings")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("observed_at")
    .orderBy("recorded_at")
    .execute();
  return withActors(db, rows);
}

/** The most recent valid reading (by clinical time) of each session. */
export async function latestReadings(db: Db, sessionIds: string[]): Promise<Map<string, VitalsReading>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("vitals_readings")
    .selectAll()
    .distinctOn("session_id")
    .where("session_id", "in", sessionIds)
    .where(notAmended)
    .orderBy("session_id")
    .orderBy("observed_at", "desc")
    .execute();
  const readings = await withActors(db, rows);
  return new Map(readings.map((r) => [r.sessionId, r]));
}

const latestParameters = ["sbp", "dbp", "map", "hr", "spo2", "rr"] as const;

export const emptyLatestValues = (): LatestValues => ({
  sbp: null,
  dbp: null,
  map: null,
  hr: null,
  spo2: null,
  rr: null,
});

/** The newest non-empty value of each parameter per session (one indexed query per parameter). */
export async function latestValues(db: Db, sessionIds: string[]): Promise<Map<string, LatestValues>> {
  const result = new Map(sessionIds.map((id) => [id, emptyLatestValues()]));
  if (sessionIds.length === 0) return result;
  for (const parameter of latestParameters) {
    const rows = await db
      .selectFrom("vitals_readings")
      .select(["session_id", "observed_at", parameter])
      .distinctOn("session_id")
      .where("session_id", "in", sessionIds)
      .where(parameter, "is not", null)
      .where(notAmended)
      .orderBy("session_id")
      .orderBy("observed_at", "desc")
      .execute();
    for (const row of rows) {
      const value = (row as Record<string, unknown>)[parameter] as number;
      result.get(row.session_id)![parameter] = { value, observedAt: iso(row.observed_at) };
    }
  }
  return result;
}
