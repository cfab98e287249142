import type { Kysely } from "kysely";
import type { Database } from "../../../server/db/schema.ts";
import { totalDoseMg } from "../../../shared/clinical/dose.ts";
import type { User } from "../../../shared/schemas/user.ts";
import type { ChairSeat } from "./server-protocol.ts";

export const chairName = (i: number) => `B${String(i + 1).padStart(4, "0")}`;

/**
 * Seats `count` patients, one pre-infusion session per chair, with multi-row inserts: the services
 * (registerPatient + createSession: versions, audit, course numbering) took ~50 ms a chair on the
 * shared 2-core box, 100 s for 2,000 chairs. Ingest reads only these two tables' rows.
 */
export async function seedChairs(db: Kysely<Database>, nurse: User, count: number): Promise<ChairSeat[]> {
  const now = new Date();
  const seats: ChairSeat[] = [];
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
      const chair = chairName(start + k);
      return { chair, patientId: crypto.randomUUID(), sessionId: crypto.randomUUID() };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("patients")
        .values(
          batch.map((b) => ({
            id: b.patientId,
            mrn: `BENCH-${b.chair}`,
            full_name: `Bench Patient ${b.chair}`,
            date_of_birth: "1980-05-01",
            weight_kg: 70,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto("infusion_sessions")
        .values(
          batch.map((b) => ({
            id: b.sessionId,
            patient_id: b.patientId,
            chair: b.chair,
            weight_kg: 70,
            dose_mg_per_kg: 0.5,
            total_dose_mg: totalDoseMg(70, 0.5),
            planned_duration_min: 40,
            phase: "pre_infusion" as const,
            created_by: nurse.id,
            created_at: now,
            phase_changed_at: now,
            infusion_started_at: null,
            infusion_stopped_at: null,
            discharged_at: null,
          })),
        )
        .execute();
    });
    seats.push(...batch.map((b) => ({ chair: b.chair, sessionId: b.sessionId })));
  }
  return seats;
}
