import type { Kysely, Selectable, Transaction } from "kysely";
import type { CreatePatientRequest, Patient } from "../../shared/schemas/patient.ts";
import type { PatientRecord } from "../../shared/schemas/patient-record.ts";
import { type AuditActor, appendAudit } from "../audit/log.ts";
import type { Database } from "../db/schema.ts";
import type { PatientsTable } from "../db/tables/patients.ts";
import { iso } from "../db/time.ts";
import { appendPatientVersion } from "./versions-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;
type PatientRow = Selectable<PatientsTable>;

export const toPatient = (row: PatientRow): Patient => ({
  id: row.id,
  mrn: row.mrn,
  fullName: row.full_name,
  dateOfBirth: row.date_of_birth,
  weightKg: row.weight_kg,
  createdAt: iso(row.created_at),
});

export const toPatientRecord = (row: PatientRow): PatientRecord => ({
  ...toPatient(row),
  allergies: row.allergies,
  contraindications: row.contraindications,
  version: row.version,
  updatedAt: iso(row.updated_at),
});

export async function searchPatients(db: Db, q: string | undefined): Promise<Patient[]> {
  let query = db.selectFrom("patients").selectAll().orderBy("full_name").limit(200);
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn("lower", ["full_name"]), "like", like), eb(eb.fn("lower", ["mrn"]), "like", like)]),
    );
  }
  return (await query.execute()).map(toPatient);
}

export async function findPatientRow(db: Db, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom("patients").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findPatient(db: Db, id: string): Promise<Patient | null> {
  const row = await findPatientRow(db, id);
  return row ? toPatient(row) : null;
}

export async function findPatientByMrn(db: Db, mrn: string): Promise<Patient | null> {
  const row = await db.selectFrom("patients").selectAll().where("mrn", "=", mrn).executeTakeFirst();
  return row ? toPatient(row) : null;
}

/** Registers a patient and stores the record as its version 1. `by` is null for system seeds. */
export async function insertPatient(
  db: Kysely<Database>,
  input: CreatePatientRequest,
  now: Date,
  by: string | null = null,
  actor: AuditActor = { id: by, name: "system" },
): Promise<PatientRecord> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("patients")
      .values({
        id: crypto.randomUUID(),
        mrn: input.mrn,
        full_name: input.fullName,
        date_of_birth: input.dateOfBirth,
        weight_kg: input.weightKg ?? null,
        allergies: input.allergies ?? "",
        contraindications: input.contraindications ?? "",
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendPatientVersion(trx, row, null, by);
    const record = toPatientRecord(row);
    await appendAudit(trx, {
      actor,
      action: "patient.create",
      entity: "patient",
      entityId: row.id,
      after: record,
      at: now,
    });
    return record;
  });
}
