import type { Endpoint } from "../../shared/api/endpoint.ts";
import { pathFor } from "../../shared/api/endpoint.ts";
import { type EndpointName, endpoints } from "../../shared/api/endpoints.ts";
import { passwordOf, throwawayPassword, type World } from "./fuzz-world.ts";

/** What one call of an endpoint carries. */
export interface EndpointRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const now = () => new Date().toISOString();
const reading = () => ({ id: crypto.randomUUID(), observedAt: now(), sbp: 124, dbp: 78, hr: 72 });
const session = (w: World) => ({ params: { id: w.sessionId } });

/**
 * A valid request for every endpoint of the table, against the rows of a World. Typed as a record over
 * every endpoint name, so a new endpoint does not compile until it has one here, and then the fuzz and
 * role-matrix tests cover it.
 */
export const validRequests = {
  health: () => ({}),
  login: () => ({ body: { username: "nurse", password: passwordOf("nurse") } }),
  logout: () => ({}),
  unlock: () => ({ body: { password: throwawayPassword } }),
  changePassword: () => ({
    body: { currentPassword: throwawayPassword, newPassword: "a different long passphrase 42" },
  }),
  me: () => ({}),
  listPatients: () => ({ query: { q: "Fuzz" } }),
  createPatient: () => ({
    body: {
      mrn: `FZ-${crypto.randomUUID().slice(0, 8)}`,
      fullName: "Another Patient",
      dateOfBirth: "1975-01-02",
      weightKg: 80,
    },
  }),
  getPatient: (w) => ({ params: { id: w.patientId } }),
  updatePatient: (w) => ({
    params: { id: w.patientId },
    body: {
      mrn: `FZ-${crypto.randomUUID().slice(0, 8)}`,
      fullName: "Fuzz Patient",
      dateOfBirth: "1980-05-01",
      weightKg: 71,
      version: w.patientVersion,
      reason: "weighed again",
    },
  }),
  getPatientHistory: (w) => ({ params: { id: w.patientId } }),
  listSessions: () => ({ query: { status: "all" } }),
  createSession: (w) => ({
    body: { patientId: w.patientId, chair: "Z9", weightKg: 70, doseMgPerKg: 0.5, plannedDurationMin: 40 },
  }),
  getSession: session,
  changePhase: (w) => ({ ...session(w), body: { to: "infusing" } }),
  exportSessionFhir: session,
  recordVitals: (w) => ({ ...session(w), body: reading() }),
  ingestVitals: (w) => ({
    params: { chair: w.chair },
    body: { id: crypto.randomUUID(), observedAt: now(), hr: 75, spo2: 97 },
  }),
  enterReadingInError: (w) => ({ params: { id: w.readingId }, body: { reason: "wrong patient" } }),
  recordObservation: (w) => ({
    ...session(w),
    body: { id: crypto.randomUUID(), observedAt: now(), type: "headache", severity: "mild" },
  }),
  enterObservationInError: (w) => ({ params: { id: w.observationId }, body: { reason: "wrong chair" } }),
  acknowledgeAlert: (w) => ({ params: { id: w.alertId }, body: { note: "seen" } }),
  getAlertContext: session,
  getClinicProfile: () => ({}),
  updateClinicProfile: (w) => ({ body: { profile: w.clinicProfile, reason: "annual review" } }),
  getSessionProfile: session,
  overrideSessionProfile: (w) => ({ ...session(w), body: { profile: w.clinicProfile, reason: "frail" } }),
  signDischarge: (w) => ({
    ...session(w),
    body: { password: passwordOf("physician"), meaningAccepted: true },
  }),
  getDischargeReadiness: session,
  getDischargeChecklist: session,
  updateDischargeChecklist: (w) => ({
    ...session(w),
    body: {
      items: {
        oriented: true,
        steadyGait: false,
        nauseaControlled: true,
        painControlled: true,
        escortPresent: false,
        noDrivingAdvised: true,
      },
    },
  }),
  addAddendum: (w) => ({ ...session(w), body: { text: "Called the escort." } }),
  getPatientCourse: (w) => ({ params: { id: w.patientId } }),
  startCourse: (w) => ({ params: { id: w.patientId }, body: { kind: "maintenance", reason: "relapse" } }),
  getSessionCourse: session,
  recordOutcome: (w) => ({ ...session(w), body: { instrument: "madrs", total: 20 } }),
  getPreInfusion: session,
  recordScreening: (w) => ({
    ...session(w),
    body: { answers: Object.fromEntries(w.screeningQuestionIds.map((id) => [id, "no"])) },
  }),
  recordClearance: (w) => ({ ...session(w), body: { kind: "baseline_bp", reason: "white coat" } }),
  createApiKey: () => ({ body: { label: "Matrix gateway" } }),
  listApiKeys: () => ({}),
  revokeApiKey: (w) => ({ params: { id: w.spareApiKeyId } }),
  getSessionAudit: session,
  verifyAudit: () => ({}),
  listStaffAccounts: () => ({}),
  createStaffAccount: () => ({
    body: {
      username: `staff-${crypto.randomUUID().slice(0, 8)}`,
      displayName: "New Nurse",
      role: "nurse",
      password: "a long enough initial passphrase",
    },
  }),
  resetStaffPassword: (w) => ({
    params: { id: w.spareUserId },
    body: { password: "a reset passphrase 2026" },
  }),
  deactivateStaffAccount: (w) => ({ params: { id: w.spareUserId } }),
  reactivateStaffAccount: (w) => ({ params: { id: w.spareUserId } }),
  unlockStaffAccount: (w) => ({ params: { id: w.spareUserId } }),
} satisfies Record<EndpointName, (w: World) => EndpointRequest>;

export const endpointEntries = Object.entries(endpoints) as [EndpointName, Endpoint][];

/** The URL of a request: the path with its params filled, then the query string. */
export function urlOf(endpoint: Endpoint, request: EndpointRequest): string {
  const path = pathFor(endpoint.path, request.params);
  const query = request.query ? new URLSearchParams(request.query).toString() : "";
  return query ? `${path}?${query}` : path;
}

export function validRequestFor(name: EndpointName, world: World): EndpointRequest {
  const build: (w: World) => EndpointRequest = validRequests[name];
  return build(world);
}
