import type { Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { InfusionSession, Phase } from "../../shared/schemas/session.ts";
import type { Database } from "../db/schema.ts";
import type { InfusionSessionsTable } from "../db/tables/sessions.ts";
import { iso, isoOrNull } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

export const toSession = (row: Selectable<InfusionSessionsTable>): InfusionSession => ({
  id: row.id,
  patientId: row.patient_id,
  chair: row.chair,
  weightKg: row.weight_kg,
  doseMgPerKg: row.dose_mg_per_kg,
  totalDoseMg: row.total_dose_mg,
  plannedDurationMin: row.planned_duration_min,
  phase: row.phase,
  createdAt: iso(row.created_at),
  phaseChangedAt: iso(row.phase_changed_at),
  infusionStartedAt: isoOrNull(row.infusion_started_at),
  infusionStoppedAt: isoOrNull(row.infusion_stopped_at),
  dischargedAt: isoOrNull(row.discharged_at),
  seq: row.seq,
});

export async function insertSession(
  db: Db,
  row: Insertable<InfusionSessionsTable>,
): Promise<InfusionSession> {
  return toSession(
    await db.insertInto("infusion_sessions").values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

export async function findSession(db: Db, id: string): Promise<InfusionSession | null> {
  const row = await db.selectFrom("infusion_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toSession(row) : null;
}

/** Row lock for the length of a transaction: writes to one session are serialised. */
export async function lockSession(trx: Transaction<Database>, id: string): Promise<InfusionSession | null> {
  const row = await trx
    .selectFrom("infusion_sessions")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toSession(row) : null;
}

export async function listSessions(
  db: Db,
  filter: { activeOnly: boolean; patientId?: string | undefined },
): Promise<InfusionSession[]> {
  let query = db.selectFrom("infusion_sessions").selectAll().orderBy("created_at", "desc").limit(500);
  if (filter.activeOnly) query = query.where("phase", "<>", "discharged");
  if (filter.patientId) query = query.where("patient_id", "=", filter.patientId);
  return (await query.execute()).map(toSession);
}

export async function updatePhase(
  trx: Transaction<Database>,
  session: InfusionSession,
  to: Phase,
  by: string,
  at: Date,
): Promise<InfusionSession> {
  const stamps: Updateable<InfusionSessionsTable> = { phase: to, phase_changed_at: at };
  if (to === "infusing") stamps.infusion_started_at = at;
  if (to === "recovery") stamps.infusion_stopped_at = at;
  if (to === "discharged") stamps.discharged_at = at;
  await trx
    .insertInto("phase_changes")
    .values({
      id: crypto.randomUUID(),
      session_id: session.id,
      from_phase: session.phase,
      to_phase: to,
      changed_by: by,
      changed_at: at,
    })
    .execute();
  const row = await trx
    .updateTable("infusion_sessions")
    .set(stamps)
    .where("id", "=", session.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

/**
 * Reserves `count` consecutive event sequence numbers for a session inside the write's transaction,
 * so the numbers a client sees follow commit order.
 */
export async function reserveSeqs(
  trx: Transaction<Database>,
  sessionId: string,
  count: number,
): Promise<number[]> {
  const row = await trx
    .updateTable("infusion_sessions")
    .set((eb) => ({ seq: eb("seq", "+", count) }))
    .where("id", "=", sessionId)
    .returning("seq")
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => row.seq - count + 1 + i);
}

type SessionRow = Selectable<InfusionSessionsTable>;

/** A session row as json_agg gives it: its timestamps as text. */
export type SessionJson = Omit<
  SessionRow,
  "created_at" | "phase_changed_at" | "infusion_started_at" | "infusion_stopped_at" | "discharged_at"
> & {
  created_at: string;
  phase_changed_at: string;
  infusion_started_at: string | null;
  infusion_stopped_at: string | null;
  discharged_at: string | null;
};

export function sessionFromJson(row: SessionJson): InfusionSession {
  const date = (text: string | null) => (text === null ? null : new Date(text));
  return toSession({
    ...row,
    created_at: new Date(row.created_at),
    phase_changed_at: new Date(row.phase_changed_at),
    infusion_started_at: date(row.infusion_started_at),
    infusion_stopped_at: date(row.infusion_stopped_at),
    discharged_at: date(row.discharged_at),
  });
}
