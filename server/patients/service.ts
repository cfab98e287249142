import type { CreatePatientRequest } from "../../shared/schemas/patient.ts";
import type { PatientRecord, UpdatePatientRequest } from "../../shared/schemas/patient-record.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, auditActor } from "../audit/log.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { findPatientByMrn, insertPatient, toPatientRecord } from "./repo.ts";
import { appendPatientVersion } from "./versions-repo.ts";

const mrnTaken = (mrn: string) =>
  new HttpError(409, "conflict", `A patient with MRN ${mrn} already exists.`, {
    issues: [{ path: "mrn", message: "is already registered" }],
  });

export async function registerPatient(
  ctx: AppContext,
  user: User,
  input: CreatePatientRequest,
): Promise<PatientRecord> {
  if (await findPatientByMrn(ctx.db, input.mrn)) throw mrnTaken(input.mrn);
  return insertPatient(ctx.db, input, ctx.now(), user.id, auditActor(user));
}

/**
 * Edits a record: the row is locked, the version sent must be the current one (else 409: someone else
 * edited it), the row takes the new values with version + 1, and that version is appended to the history.
 */
export async function updatePatient(
  ctx: AppContext,
  user: User,
  id: string,
  input: UpdatePatientRequest,
): Promise<PatientRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("patients")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound("Patient");
    if (current.version !== input.version) {
      throw new HttpError(
        409,
        "conflict",
        `This record changed since you opened it (now version ${current.version}, you edited version ${input.version}). Reload and edit again.`,
      );
    }
    const other = await trx
      .selectFrom("patients")
      .select("id")
      .where("mrn", "=", input.mrn)
      .where("id", "<>", id)
      .executeTakeFirst();
    if (other) throw mrnTaken(input.mrn);
    const row = await trx
      .updateTable("patients")
      .set({
        mrn: input.mrn,
        full_name: input.fullName,
        date_of_birth: input.dateOfBirth,
        weight_kg: input.weightKg ?? null,
        allergies: input.allergies ?? "",
        contraindications: input.contraindications ?? "",
        version: current.version + 1,
        updated_at: ctx.now(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendPatientVersion(trx, row, input.reason ?? null, user.id);
    const after = toPatientRecord(row);
    await appendAudit(trx, {
      actor: auditActor(user),
      action: "patient.edit",
      entity: "patient",
      entityId: id,
      before: toPatientRecord(current),
      after: { ...after, reason: input.reason ?? null },
      at: ctx.now(),
    });
    return after;
  });
}
