import type { apiClient } from "./api.ts";

type Client = ReturnType<typeof apiClient>;

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** Registers a patient and starts a session as the given (nurse) client; returns the session id. */
export async function startSession(nurse: Client, overrides: Record<string, unknown> = {}): Promise<string> {
  const mrn = `T-${crypto.randomUUID().slice(0, 8)}`;
  const patient = await nurse.post("/api/patients", {
    mrn,
    fullName: "Test Patient",
    dateOfBirth: "1980-05-01",
    weightKg: 70,
  });
  if (patient.status !== 201) throw new Error(`patient: ${JSON.stringify(patient.body)}`);
  const session = await nurse.post("/api/sessions", {
    patientId: patient.body.id,
    chair: "4",
    weightKg: 70,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
    ...overrides,
  });
  if (session.status !== 201) throw new Error(`session: ${JSON.stringify(session.body)}`);
  return session.body.id;
}

export function vitals(values: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    observedAt: new Date().toISOString(),
    sbp: 124,
    dbp: 78,
    hr: 72,
    spo2: 98,
    rr: 14,
    ...values,
  };
}
