import type { Kysely } from "kysely";
import type { CreatePatientRequest, Patient } from "../../shared/schemas/patient.ts";
import type { Database, PatientsTable } from "../db/schema.ts";
import { iso } from "../db/time.ts";

export const toPatient = (row: PatientsTable): Patient => ({
  id: row.id,
  mrn: row.mrn,
  fullName: row.full_name,
  dateOfBirth: row.date_of_birth,
  weightKg: row.weight_kg,
  createdAt: iso(row.created_at),
});

export async function searchPatients(db: Kysely<Database>, q: string | undefined): Promise<Patient[]> {
  let query = db.selectFrom("patients").selectAll().orderBy("full_name").limit(200);
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn("lower", ["full_name"]), "like", like), eb(eb.fn("lower", ["mrn"]), "like", like)]),
    );
  }
  return (await query.execute()).map(toPatient);
}

export async function findPatient(db: Kysely<Database>, id: string): Promise<Patient | null> {
  const row = await db.selectFrom("patients").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toPatient(row) : null;
}

export async function findPatientByMrn(db: Kysely<Database>, mrn: string): Promise<Patient | null> {
  const row = await db.selectFrom("patients").selectAll().where("mrn", "=", mrn).executeTakeFirst();
  return row ? toPatient(row) : null;
}

export async function insertPatient(
  db: Kysely<Database>,
  input: CreatePatientRequest,
  now: Date,
): Promise<Patient> {
  const row = await db
    .insertInto("patients")
    .values({
      id: crypto.randomUUID(),
      mrn: input.mrn,
      full_name: input.fullName,
      date_of_birth: input.dateOfBirth,
      weight_kg: input.weightKg ?? null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPatient(row);
}
