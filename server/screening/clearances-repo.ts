import type { Kysely, Transaction } from "kysely";
import type { ClearanceScope } from "../../shared/clinical/screening/start-gate.ts";
import type { Clearance } from "../../shared/schemas/screening.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredClearance extends Clearance {
  scope: ClearanceScope;
}

/** Clearances of the sessions, oldest first. Rows are only ever inserted. */
export async function listClearances(db: Db, sessionIds: string[]): Promise<StoredClearance[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom("clearances")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .orderBy("cleared_at")
    .orderBy("id")
    .execute();
  const actors = await actorsById(
    db,
    rows.map((r) => r.cleared_by),
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    kind: r.kind,
    subject: r.subject,
    reason: r.reason,
    clearedBy: actorOf(actors, r.cleared_by),
    clearedAt: iso(r.cleared_at),
    scope: r.scope as ClearanceScope,
  }));
}

export async function insertClearance(
  trx: Transaction<Database>,
  entry: { sessionId: string; scope: ClearanceScope; subject: string; reason: string; by: string; at: Date },
): Promise<void> {
  await trx
    .insertInto("clearances")
    .values({
      id: crypto.randomUUID(),
      session_id: entry.sessionId,
      kind: entry.scope.kind,
      subject: entry.subject,
      scope: JSON.stringify(entry.scope),
      reason: entry.reason,
      cleared_by: entry.by,
      cleared_at: entry.at,
    })
    .execute();
}

/** The public shape (without the stored scope). */
export const publicClearance = ({ scope: _scope, ...c }: StoredClearance): Clearance => c;
