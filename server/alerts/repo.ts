import type { Kysely, Transaction } from "kysely";
import type { Alert } from "../../shared/schemas/alert.ts";
import { actorsById } from "../auth/actors.ts";
import { fromJsonRow, type JsonRow } from "../db/json-rows.ts";
import type { Database } from "../db/schema.ts";
import type { AlertsTable } from "../db/tables/alerts.ts";
import { iso, isoOrNull } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function withActors(db: Db, rows: AlertsTable[]): Promise<Alert[]> {
  const actors = await actorsById(
    db,
    rows.map((r) => r.acknowledged_by),
  );
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    parameter: row.parameter,
    priority: row.priority,
    status: row.status,
    message: row.message,
    value: row.value,
    raisedAt: iso(row.raised_at),
    clearedAt: isoOrNull(row.cleared_at),
    escalatedAt: isoOrNull(row.escalated_at),
    conditionPresent: row.condition_present,
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by ? (actors.get(row.acknowledged_by) ?? null) : null,
    acknowledgementNote: row.acknowledgement_note,
  }));
}

export async function toAlerts(db: Db, rows: AlertsTable[]): Promise<Alert[]> {
  return withActors(db, rows);
}

export async function openAlertRows(db: Db, sessionId: string): Promise<AlertsTable[]> {
  return db
    .selectFrom("alerts")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("status", "=", "open")
    .execute();
}

/** An alert row's timestamp columns (a batch reads alert rows as JSON: server/vitals/batch-reads.ts). */
const alertTimestamps = [
  "raised_at",
  "created_at",
  "updated_at",
  "cleared_at",
  "escalated_at",
  "acknowledged_at",
] as const;

type AlertTimestamp = (typeof alertTimestamps)[number];

/** An alert row as json_agg gives it. */
export type AlertJson = JsonRow<AlertsTable, AlertTimestamp>;

export const alertRowFromJson = (row: AlertJson): AlertsTable =>
  fromJsonRow<AlertsTable, AlertTimestamp>(row, alertTimestamps);

export async function listAlerts(db: Db, sessionId: string): Promise<Alert[]> {
  const rows = await db
    .selectFrom("alerts")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("raised_at", "desc")
    .execute();
  return withActors(db, rows);
}

export async function openAlertsFor(db: Db, sessionIds: string[]): Promise<Alert[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom("alerts")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .where("status", "=", "open")
    .orderBy("raised_at", "desc")
    .execute();
  return withActors(db, rows);
}

export async function findAlertRow(db: Db, id: string): Promise<AlertsTable | undefined> {
  return db.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function lockAlertRow(trx: Transaction<Database>, id: string): Promise<AlertsTable | undefined> {
  return trx.selectFrom("alerts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertAlert(db: Db, row: AlertsTable): Promise<AlertsTable> {
  return db.insertInto("alerts").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAlert(db: Db, id: string, changes: Partial<AlertsTable>): Promise<AlertsTable> {
  return db.updateTable("alerts").set(changes).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}
