import type { Kysely, Transaction } from "kysely";
import type { Observation } from "../../shared/schemas/observation.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { ObservationsTable } from "../db/tables/sessions.ts";
import { iso } from "../db/time.ts";
import { observationAmendmentFields } from "./amendments-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function withActors(db: Db, rows: ObservationsTable[]): Promise<Observation[]> {
  const [actors, amendments] = await Promise.all([
    actorsById(
      db,
      rows.map((r) => r.recorded_by),
    ),
    observationAmendmentFields(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    observedAt: iso(row.observed_at),
    recordedAt: iso(row.recorded_at),
    type: row.type,
    severity: row.severity,
    moaas: row.moaas,
    note: row.note,
    recordedBy: actorOf(actors, row.recorded_by),
    ...amendments.get(row.id)!,
  }));
}

export async function findObservationRow(db: Db, id: string): Promise<ObservationsTable | undefined> {
  return db.selectFrom("observations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertObservation(db: Db, row: ObservationsTable): Promise<Observation> {
  const inserted = await db.insertInto("observations").values(row).returningAll().executeTakeFirstOrThrow();
  return (await withActors(db, [inserted]))[0]!;
}

export async function observationFromRow(db: Db, row: ObservationsTable): Promise<Observation> {
  return (await withActors(db, [row]))[0]!;
}

export async function listObservations(db: Db, sessionId: string): Promise<Observation[]> {
  const rows = await db
    .selectFrom("observations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("observed_at")
    .execute();
  return withActors(db, rows);
}
