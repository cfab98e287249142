import type { AppContext } from "../app-context.ts";
import { findPatientByMrn, insertPatient } from "../patients/repo.ts";
import { changePhase, createSession } from "../sessions/service.ts";
import { ensureDemoAccounts } from "./accounts.ts";

const demoPatients = [
  { mrn: "DEMO-1001", fullName: "Maria Lopez", dateOfBirth: "1978-04-12", weightKg: 68 },
  { mrn: "DEMO-1002", fullName: "James Okafor", dateOfBirth: "1965-09-30", weightKg: 92 },
  { mrn: "DEMO-1003", fullName: "Emily Chen", dateOfBirth: "1991-01-22", weightKg: 57 },
  { mrn: "DEMO-1004", fullName: "Robert Novak", dateOfBirth: "1959-06-05", weightKg: 84 },
  { mrn: "DEMO-1005", fullName: "Aisha Rahman", dateOfBirth: "1986-12-17", weightKg: 73 },
];

/**
 * Seeds the demo clinic on first start: accounts, patients, and three chairs in different phases,
 * all created through the same services as real use.
 */
export async function seedDemoClinic(ctx: AppContext): Promise<void> {
  const { monitor } = await ensureDemoAccounts(ctx.db);
  if (await findPatientByMrn(ctx.db, demoPatients[0]!.mrn)) return;
  const patients = [];
  for (const p of demoPatients) patients.push(await insertPatient(ctx.db, p, ctx.now()));
  const chairs: { chair: string; phases: ("infusing" | "recovery")[] }[] = [
    { chair: "1", phases: ["infusing"] },
    { chair: "2", phases: ["infusing"] },
    { chair: "3", phases: ["infusing", "recovery"] },
  ];
  for (const [i, { chair, phases }] of chairs.entries()) {
    const patient = patients[i]!;
    const session = await createSession(ctx, monitor, {
      patientId: patient.id,
      chair,
      weightKg: patient.weightKg ?? 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
    for (const to of phases) await changePhase(ctx, monitor, session.id, to);
  }
}
