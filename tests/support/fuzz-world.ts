import { demoAccounts } from "../../server/demo/accounts.ts";
import type { Caller } from "./raw-request.ts";
import { jsonRequest } from "./raw-request.ts";
import type { TestServer } from "./test-server.ts";

export type Role = "nurse" | "physician" | "admin" | "device";

/** One caller per role: the three demo logins and a device API key. */
export type Callers = Record<Role, Caller>;

/** Rows the requests of the endpoint table point at: one live session with a reading, observation and alert. */
export interface World {
  patientId: string;
  patientVersion: number;
  sessionId: string;
  chair: string;
  readingId: string;
  observationId: string;
  alertId: string;
  /** A key to revoke: not the one the device caller uses. */
  spareApiKeyId: string;
  /** A staff account (nurse) for the admin account endpoints: not one of the callers' logins. */
  spareUserId: string;
  clinicProfile: unknown;
  screeningQuestionIds: string[];
}

export async function loginCallers(server: TestServer): Promise<Callers> {
  const [nurse, physician, admin] = await Promise.all(
    (["nurse", "physician", "admin"] as const).map(async (role) => ({
      kind: "cookie" as const,
      cookie: await server.login(role),
    })),
  );
  const key = await jsonRequest(server.url, "post", "/api/admin/api-keys", admin!, { label: "Fuzz device" });
  if (key.status !== 201) throw new Error(`api key: ${key.text}`);
  return {
    nurse: nurse!,
    physician: physician!,
    admin: admin!,
    device: { kind: "apiKey", secret: key.json.secret },
  };
}

/** The password of every throwaway user; the requests for unlock and password change send it. */
export const throwawayPassword = "correct horse battery staple fuzz";

export const passwordOf = (role: "nurse" | "physician" | "admin") =>
  demoAccounts.find((a) => a.role === role)!.password;

async function ok(res: Promise<{ status: number; text: string; json: unknown }>, what: string) {
  const done = await res;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${done.text}`);
  // biome-ignore lint/suspicious/noExplicitAny: fixture responses are read by shape.
  return done.json as any;
}

/** Registers a patient and starts a session for them in a chair of its own. */
export async function freshSession(baseUrl: string, nurse: Caller) {
  const post = (path: string, body: unknown) => jsonRequest(baseUrl, "post", path, nurse, body);
  const suffix = crypto.randomUUID().slice(0, 8);
  const patient = await ok(
    post("/api/patients", {
      mrn: `FZ-${suffix}`,
      fullName: "Fuzz Patient",
      dateOfBirth: "1980-05-01",
      weightKg: 70,
    }),
    "patient",
  );
  const chair = `F${suffix.slice(0, 6)}`;
  const session = await ok(
    post("/api/sessions", {
      patientId: patient.id,
      chair,
      weightKg: 70,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    }),
    "session",
  );
  return { patient, session, chair, suffix };
}

/** Creates a fresh patient and session (in its own chair) with one reading, one observation and one alert. */
export async function buildWorld(baseUrl: string, callers: Callers): Promise<World> {
  const post = (caller: Caller, path: string, body: unknown) =>
    jsonRequest(baseUrl, "post", path, caller, body);
  const get = (caller: Caller, path: string) => jsonRequest(baseUrl, "get", path, caller);
  const { nurse, admin } = callers;
  const { patient, session, chair, suffix } = await freshSession(baseUrl, nurse);
  const reading = await ok(
    post(nurse, `/api/sessions/${session.id}/vitals`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      sbp: 205,
      dbp: 95,
      hr: 72,
    }),
    "reading",
  );
  const observation = await ok(
    post(nurse, `/api/sessions/${session.id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      type: "nausea",
      severity: "mild",
    }),
    "observation",
  );
  const spareKey = await ok(post(admin, "/api/admin/api-keys", { label: `Spare ${suffix}` }), "api key");
  const spareUser = await ok(
    post(admin, "/api/admin/users", {
      username: `spare-${suffix}`,
      displayName: "Spare Nurse",
      role: "nurse",
      password: throwawayPassword,
    }),
    "staff account",
  );
  const profile = await ok(get(admin, "/api/profiles/clinic"), "clinic profile");
  const preInfusion = await ok(get(nurse, `/api/sessions/${session.id}/pre-infusion`), "pre-infusion");
  return {
    patientId: patient.id,
    patientVersion: patient.version,
    sessionId: session.id,
    chair,
    readingId: reading.reading.id,
    observationId: observation.observation.id,
    alertId: reading.alerts[0].id,
    spareApiKeyId: spareKey.apiKey.id,
    spareUserId: spareUser.id,
    clinicProfile: profile.current,
    screeningQuestionIds: preInfusion.questions.map((q: { id: string }) => q.id),
  };
}
