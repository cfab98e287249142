import type { Kysely, Selectable, Transaction } from "kysely";
import type { PatientVersion } from "../../shared/schemas/patient-record.ts";
import { actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { PatientsTable } from "../db/tables/patients.ts";
import { iso } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Stores the patients row as it now reads as a new version (rows of patient_versions are never updated). */
export async function appendPatientVersion(
  trx: Transaction<Database>,
  row: Selectable<PatientsTable>,
  reason: string | null,
  by: string | null,
): Promise<void> {
  await trx
    .insertInto("patient_versions")
    .values({
      patient_id: row.id,
      version: row.version,
      mrn: row.mrn,
      full_name: row.full_name,
      date_of_birth: row.date_of_birth,
      weight_kg: row.weight_kg,
      allergies: row.allergies,
      contraindications: row.contraindications,
      reason,
      changed_by: by,
      changed_at: row.updated_at,
    })
    .execute();
}

export async function patientHistory(db: Db, patientId: string): Promise<PatientVersion[]> {
  const rows = await db
    .selectFrom("patient_versions")
    .selectAll()
    .where("patient_id", "=", patientId)
    .orderBy("version", "desc")
    .execute();
  const actors = await actorsById(
    db,
    rows.map((r) => r.changed_by),
  );
  return rows.map((r) => ({
    version: r.version,
    mrn: r.mrn,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    weightKg: r.weight_kg,
    allergies: r.allergies,
    contraindications: r.contraindications,
    reason: r.reason,
    changedBy: r.changed_by ? (actors.get(r.changed_by) ?? null) : null,
    changedAt: iso(r.changed_at),
  }));
}
