import type { Kysely, Transaction } from "kysely";
import type { DischargeOverride, DischargeSignature } from "../../shared/schemas/discharge.ts";
import { dischargeReadinessSchema } from "../../shared/schemas/discharge-readiness.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { DischargeSignaturesTable } from "../db/tables/discharge.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The signature with the overrides and the readiness stored with it. */
export async function findDischarge(db: Db, sessionId: string): Promise<DischargeSignature | null> {
  const row = await db
    .selectFrom("discharge_signatures")
    .selectAll()
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const [actors, overrides] = await Promise.all([
    actorsById(db, [row.signed_by]),
    listOverrides(db, sessionId),
  ]);
  const readiness = dischargeReadinessSchema.safeParse(row.readiness);
  return {
    sessionId: row.session_id,
    signedBy: actorOf(actors, row.signed_by),
    signedAt: iso(row.signed_at),
    meaning: row.meaning,
    note: row.note,
    overrides,
    readiness: readiness.success ? readiness.data : null,
  };
}

async function listOverrides(db: Db, sessionId: string): Promise<DischargeOverride[]> {
  const rows = await db
    .selectFrom("discharge_overrides")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("criterion_id")
    .execute();
  return rows.map((r) => ({
    criterionId: r.criterion_id,
    label: r.criterion_label,
    unmetReason: r.unmet_reason,
    reason: r.reason,
  }));
}

export async function insertDischarge(
  db: Db,
  row: DischargeSignaturesTable,
  overrides: DischargeOverride[] = [],
): Promise<void> {
  await db
    .insertInto("discharge_signatures")
    .values({ ...row, readiness: row.readiness === undefined ? null : JSON.stringify(row.readiness) })
    .execute();
  if (overrides.length === 0) return;
  await db
    .insertInto("discharge_overrides")
    .values(
      overrides.map((o) => ({
        session_id: row.session_id,
        criterion_id: o.criterionId,
        criterion_label: o.label,
        unmet_reason: o.unmetReason,
        reason: o.reason,
      })),
    )
    .execute();
}
