import type { AppContext } from "../app-context.ts";
import { findPatientByMrn, insertPatient } from "../patients/repo.ts";
import { changePhase, createSession } from "../sessions/service.ts";
import { recordVitals } from "../vitals/service.ts";
import { ensureDemoAccounts } from "./accounts.ts";
import { demoVitals } from "./demo-vitals.ts";

const demoPatients = [
  { mrn: "DEMO-1001", fullName: "Maria Lopez", dateOfBirth: "1978-04-12", weightKg: 68 },
  { mrn: "DEMO-1002", fullName: "James Okafor", dateOfBirth: "1965-09-30", weightKg: 92 },
  { mrn: "DEMO-1003", fullName: "Emily Chen", dateOfBirth: "1991-01-22", weightKg: 57 },
  { mrn: "DEMO-1004", fullName: "Robert Novak", dateOfBirth: "1959-06-05", weightKg: 84 },
  { mrn: "DEMO-1005", fullName: "Aisha Rahman", dateOfBirth: "1986-12-17", weightKg: 73 },
];

/** Chairs staggered so a newcomer sees every phase: minutes ago each phase began. */
const demoChairs = [
  { chair: "1", startedMinAgo: 18, infusionMinAgo: 12, stoppedMinAgo: null },
  { chair: "2", startedMinAgo: 40, infusionMinAgo: 33, stoppedMinAgo: null },
  { chair: "3", startedMinAgo: 75, infusionMinAgo: 68, stoppedMinAgo: 26 },
  { chair: "4", startedMinAgo: 3, infusionMinAgo: null, stoppedMinAgo: null },
];

/**
 * Seeds the demo clinic on first start: accounts, patients, and four chairs in different phases with
 * their history so far, all written through the same services as real use (on a shifted clock).
 */
export async function seedDemoClinic(ctx: AppContext): Promise<void> {
  const { monitor } = await ensureDemoAccounts(ctx.db);
  if (await findPatientByMrn(ctx.db, demoPatients[0]!.mrn)) return;
  const patients = [];
  for (const p of demoPatients) patients.push(await insertPatient(ctx.db, p, ctx.now()));

  const realNow = ctx.now().getTime();
  for (const [i, chair] of demoChairs.entries()) {
    let clock = new Date(realNow - chair.startedMinAgo * 60_000);
    const at = { ...ctx, now: () => clock };
    const patient = patients[i]!;
    let session = await createSession(at, monitor, {
      patientId: patient.id,
      chair: chair.chair,
      weightKg: patient.weightKg ?? 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
    for (let minutesAgo = chair.startedMinAgo - 1; minutesAgo >= 1; minutesAgo--) {
      clock = new Date(realNow - minutesAgo * 60_000);
      if (minutesAgo === chair.infusionMinAgo)
        session = await changePhase(at, monitor, session.id, "infusing");
      if (minutesAgo === chair.stoppedMinAgo)
        session = await changePhase(at, monitor, session.id, "recovery");
      const vitals = demoVitals(
        session,
        clock,
        minutesAgo % 5 === 0 || minutesAgo === chair.startedMinAgo - 1,
      );
      await recordVitals(at, monitor, session.id, {
        id: crypto.randomUUID(),
        observedAt: clock.toISOString(),
        ...vitals,
      });
    }
  }
}
