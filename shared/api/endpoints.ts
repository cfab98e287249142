import { z } from "zod";
import { addAddendumRequestSchema, addendumSchema } from "../schemas/addendum.ts";
import { acknowledgeAlertRequestSchema, alertSchema } from "../schemas/alert.ts";
import {
  observationAmendmentResponseSchema,
  observationEnteredInErrorRequestSchema,
  readingAmendmentResponseSchema,
  readingEnteredInErrorRequestSchema,
} from "../schemas/amendment.ts";
import {
  apiKeySchema,
  chairParamsSchema,
  createApiKeyRequestSchema,
  createApiKeyResponseSchema,
} from "../schemas/api-key.ts";
import { auditEntrySchema, auditVerifyResponseSchema } from "../schemas/audit.ts";
import { uuidParamsSchema } from "../schemas/common.ts";
import { patientCourseSchema, sessionCourseSchema, startCourseRequestSchema } from "../schemas/course.ts";
import { signDischargeRequestSchema } from "../schemas/discharge.ts";
import {
  checklistHistorySchema,
  dischargeReadinessSchema,
  updateChecklistRequestSchema,
} from "../schemas/discharge-readiness.ts";
import { recordObservationRequestSchema } from "../schemas/observation.ts";
import { outcomeScoreSchema, recordOutcomeRequestSchema } from "../schemas/outcome.ts";
import { createPatientRequestSchema, patientSchema, patientSearchQuerySchema } from "../schemas/patient.ts";
import {
  patientRecordSchema,
  patientVersionSchema,
  updatePatientRequestSchema,
} from "../schemas/patient-record.ts";
import {
  alertContextSchema,
  clinicProfileResponseSchema,
  sessionProfileResponseSchema,
  updateProfileRequestSchema,
} from "../schemas/profile.ts";
import {
  preInfusionStatusSchema,
  recordClearanceRequestSchema,
  recordScreeningRequestSchema,
} from "../schemas/screening.ts";
import {
  createSessionRequestSchema,
  infusionSessionSchema,
  phaseChangeRequestSchema,
  sessionListQuerySchema,
} from "../schemas/session.ts";
import {
  recordObservationResponseSchema,
  recordVitalsResponseSchema,
  sessionDetailSchema,
  sessionSummarySchema,
} from "../schemas/session-views.ts";
import type { Role } from "../schemas/user.ts";
import { loginRequestSchema, meResponseSchema } from "../schemas/user.ts";
import { ingestVitalsRequestSchema, recordVitalsRequestSchema } from "../schemas/vitals.ts";

/**
 * The REST contract. The server mounts and validates every route from this table, the client builds
 * its fetchers from it, and the OpenAPI document is generated from it: one definition, three uses.
 */
export interface Endpoint {
  method: "get" | "post";
  path: string;
  summary: string;
  /** null: public. Otherwise the roles allowed. */
  roles: readonly Role[] | null;
  /**
   * How the caller proves who it is: the login cookie (the default) or an API key sent as
   * `Authorization: Bearer vgl_...` (devices). Each endpoint accepts exactly one of them.
   */
  auth?: "session" | "apiKey";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  successStatus?: 200 | 201 | 204;
}

const anyone: readonly Role[] = ["nurse", "physician", "admin"];
const clinicians: readonly Role[] = ["nurse", "physician"];
const physicians: readonly Role[] = ["physician"];
const admins: readonly Role[] = ["admin"];
const devices: readonly Role[] = ["device"];

/** A FHIR R4 Bundle; its full shape is FHIR's own (tests validate it against the official schema). */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: z.string(),
  entry: z.array(
    z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) }),
  ),
});

export const healthResponseSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
  demo: z.boolean(),
  uptimeSeconds: z.number(),
});

export const endpoints = {
  health: {
    method: "get",
    path: "/api/health",
    summary: "Liveness and configuration",
    roles: null,
    response: healthResponseSchema,
  },
  login: {
    method: "post",
    path: "/api/auth/login",
    summary: "Log in; sets the session cookie",
    roles: null,
    body: loginRequestSchema,
    response: meResponseSchema,
  },
  logout: {
    method: "post",
    path: "/api/auth/logout",
    summary: "Log out",
    roles: anyone,
    response: z.object({ ok: z.literal(true) }),
  },
  me: {
    method: "get",
    path: "/api/auth/me",
    summary: "The logged-in user",
    roles: anyone,
    response: meResponseSchema,
  },
  listPatients: {
    method: "get",
    path: "/api/patients",
    summary: "Search patients by name or MRN",
    roles: anyone,
    query: patientSearchQuerySchema,
    response: z.array(patientSchema),
  },
  createPatient: {
    method: "post",
    path: "/api/patients",
    summary: "Register a patient",
    roles: clinicians,
    body: createPatientRequestSchema,
    response: patientRecordSchema,
    successStatus: 201,
  },
  getPatient: {
    method: "get",
    path: "/api/patients/:id",
    summary: "One patient: the full record with allergies, contraindications and its version",
    roles: anyone,
    params: uuidParamsSchema,
    response: patientRecordSchema,
  },
  listSessions: {
    method: "get",
    path: "/api/sessions",
    summary: "Infusion sessions as station tiles (active by default)",
    roles: anyone,
    query: sessionListQuerySchema,
    response: z.array(sessionSummarySchema),
  },
  createSession: {
    method: "post",
    path: "/api/sessions",
    summary: "Start an infusion session (pre-infusion phase); the total dose is computed",
    roles: clinicians,
    body: createSessionRequestSchema,
    response: infusionSessionSchema,
    successStatus: 201,
  },
  getSession: {
    method: "get",
    path: "/api/sessions/:id",
    summary: "A session with its patient, readings, observations, alerts and discharge",
    roles: anyone,
    params: uuidParamsSchema,
    response: sessionDetailSchema,
  },
  changePhase: {
    method: "post",
    path: "/api/sessions/:id/phase",
    summary: "Move the session to its next phase (409 lists the allowed ones)",
    roles: clinicians,
    params: uuidParamsSchema,
    body: phaseChangeRequestSchema,
    response: infusionSessionSchema,
  },
  recordVitals: {
    method: "post",
    path: "/api/sessions/:id/vitals",
    summary: "Record a vitals reading (idempotent on the client-generated id)",
    roles: clinicians,
    params: uuidParamsSchema,
    body: recordVitalsRequestSchema,
    response: recordVitalsResponseSchema,
    successStatus: 201,
  },
  recordObservation: {
    method: "post",
    path: "/api/sessions/:id/observations",
    summary: "Record a side-effect observation or MOAA/S check (idempotent on id)",
    roles: clinicians,
    params: uuidParamsSchema,
    body: recordObservationRequestSchema,
    response: recordObservationResponseSchema,
    successStatus: 201,
  },
  acknowledgeAlert: {
    method: "post",
    path: "/api/alerts/:id/acknowledge",
    summary: "Acknowledge an alert (physician)",
    roles: physicians,
    params: uuidParamsSchema,
    body: acknowledgeAlertRequestSchema,
    response: alertSchema,
  },
  signDischarge: {
    method: "post",
    path: "/api/sessions/:id/discharge",
    summary:
      "Sign the discharge with a re-entered password (physician); locks the session. 409 lists unmet " +
      "criteria unless each has an override with a written reason",
    roles: physicians,
    params: uuidParamsSchema,
    body: signDischargeRequestSchema,
    response: sessionDetailSchema,
  },
  getAlertContext: {
    method: "get",
    path: "/api/sessions/:id/alert-context",
    summary: "The effective threshold profile and the alert engine's state (the form's preview uses them)",
    roles: anyone,
    params: uuidParamsSchema,
    response: alertContextSchema,
  },
  getClinicProfile: {
    method: "get",
    path: "/api/profiles/clinic",
    summary: "The clinic's default threshold profile and its history",
    roles: anyone,
    response: clinicProfileResponseSchema,
  },
  updateClinicProfile: {
    method: "post",
    path: "/api/profiles/clinic",
    summary: "Change the clinic default threshold profile, with a reason (admin)",
    roles: admins,
    body: updateProfileRequestSchema,
    response: clinicProfileResponseSchema,
  },
  getSessionProfile: {
    method: "get",
    path: "/api/sessions/:id/profile",
    summary: "The session's effective threshold profile, its override and history",
    roles: anyone,
    params: uuidParamsSchema,
    response: sessionProfileResponseSchema,
  },
  overrideSessionProfile: {
    method: "post",
    path: "/api/sessions/:id/profile",
    summary: "Override the threshold profile for this session, with a reason (physician)",
    roles: physicians,
    params: uuidParamsSchema,
    body: updateProfileRequestSchema,
    response: sessionProfileResponseSchema,
  },
  exportSessionFhir: {
    method: "get",
    path: "/api/sessions/:id/fhir",
    summary: "The session as a FHIR R4 Bundle: Patient, Encounter, vital-sign Observations (LOINC, UCUM)",
    roles: anyone,
    params: uuidParamsSchema,
    response: fhirBundleSchema,
  },
  ingestVitals: {
    method: "post",
    path: "/api/ingest/chairs/:chair/vitals",
    summary:
      "Record a monitor reading for the active session in a chair (device API key; idempotent on the id; " +
      "404 when no active session sits in the chair, 409 when two do)",
    roles: devices,
    auth: "apiKey",
    params: chairParamsSchema,
    body: ingestVitalsRequestSchema,
    response: recordVitalsResponseSchema,
    successStatus: 201,
  },
  createApiKey: {
    method: "post",
    path: "/api/admin/api-keys",
    summary: "Create an ingest API key for a device (admin); the secret is returned this once",
    roles: admins,
    body: createApiKeyRequestSchema,
    response: createApiKeyResponseSchema,
    successStatus: 201,
  },
  listApiKeys: {
    method: "get",
    path: "/api/admin/api-keys",
    summary: "The API keys, without their secrets (admin)",
    roles: admins,
    response: z.array(apiKeySchema),
  },
  revokeApiKey: {
    method: "post",
    path: "/api/admin/api-keys/:id/revoke",
    summary: "Revoke an API key (admin); it is refused from then on",
    roles: admins,
    params: uuidParamsSchema,
    response: apiKeySchema,
  },
  getDischargeReadiness: {
    method: "get",
    path: "/api/sessions/:id/discharge-readiness",
    summary: "Discharge criteria (met or not, with reasons), the nurse's checklist and the modified PADSS",
    roles: anyone,
    params: uuidParamsSchema,
    response: dischargeReadinessSchema,
  },
  getDischargeChecklist: {
    method: "get",
    path: "/api/sessions/:id/discharge-checklist",
    summary: "The nurse's discharge checklist: the latest version and every stored version",
    roles: anyone,
    params: uuidParamsSchema,
    response: checklistHistorySchema,
  },
  updateDischargeChecklist: {
    method: "post",
    path: "/api/sessions/:id/discharge-checklist",
    summary: "Store a new version of the discharge checklist (nurse or physician); returns the readiness",
    roles: clinicians,
    params: uuidParamsSchema,
    body: updateChecklistRequestSchema,
    response: dischargeReadinessSchema,
  },
  addAddendum: {
    method: "post",
    path: "/api/sessions/:id/addenda",
    summary: "Add an addendum to the record (nurse or physician); also after sign-off",
    roles: clinicians,
    params: uuidParamsSchema,
    body: addAddendumRequestSchema,
    response: addendumSchema,
    successStatus: 201,
  },
  enterReadingInError: {
    method: "post",
    path: "/api/readings/:id/entered-in-error",
    summary:
      "Mark a reading entered in error with a reason, optionally with a corrected reading that supersedes it " +
      "(the original stays stored; 409 when locked or already entered in error)",
    roles: clinicians,
    params: uuidParamsSchema,
    body: readingEnteredInErrorRequestSchema,
    response: readingAmendmentResponseSchema,
  },
  enterObservationInError: {
    method: "post",
    path: "/api/observations/:id/entered-in-error",
    summary:
      "Mark an observation entered in error with a reason, optionally with a corrected observation " +
      "(the original stays stored; 409 when locked or already entered in error)",
    roles: clinicians,
    params: uuidParamsSchema,
    body: observationEnteredInErrorRequestSchema,
    response: observationAmendmentResponseSchema,
  },
  updatePatient: {
    method: "post",
    path: "/api/patients/:id",
    summary:
      "Edit a patient record (nurse or physician); the previous values stay stored as a version. " +
      "409 when the version sent is not the current one, or the MRN belongs to another patient",
    roles: clinicians,
    params: uuidParamsSchema,
    body: updatePatientRequestSchema,
    response: patientRecordSchema,
  },
  getPatientHistory: {
    method: "get",
    path: "/api/patients/:id/history",
    summary: "Every version of a patient record, newest first, with who changed it, when and why",
    roles: anyone,
    params: uuidParamsSchema,
    response: z.array(patientVersionSchema),
  },
  getPatientCourse: {
    method: "get",
    path: "/api/patients/:id/course",
    summary:
      "The patient's treatment courses with each infusion (PHQ-9, MADRS, peak BP, alerts, side effects, " +
      "clearances), the outcome series, where the next session goes and the non-response flag",
    roles: anyone,
    params: uuidParamsSchema,
    response: patientCourseSchema,
  },
  startCourse: {
    method: "post",
    path: "/api/patients/:id/courses",
    summary:
      "Start a new treatment course, e.g. maintenance (physician, with a reason); closes the active one",
    roles: physicians,
    params: uuidParamsSchema,
    body: startCourseRequestSchema,
    response: patientCourseSchema,
    successStatus: 201,
  },
  getSessionCourse: {
    method: "get",
    path: "/api/sessions/:id/course",
    summary:
      'The session\'s course and infusion number ("infusion 3 of 6"); null for a session without a course',
    roles: anyone,
    params: uuidParamsSchema,
    response: sessionCourseSchema.nullable(),
  },
  getPreInfusion: {
    method: "get",
    path: "/api/sessions/:id/pre-infusion",
    summary:
      "Pre-infusion screening and the baseline gate: the checklist, the latest answers, the baseline BP, " +
      "cautions, blockers, clearances and this session's PHQ-9/MADRS",
    roles: anyone,
    params: uuidParamsSchema,
    response: preInfusionStatusSchema,
  },
  recordScreening: {
    method: "post",
    path: "/api/sessions/:id/screening",
    summary: "Record the pre-infusion screening checklist (nurse or physician); a new record each time",
    roles: clinicians,
    params: uuidParamsSchema,
    body: recordScreeningRequestSchema,
    response: preInfusionStatusSchema,
    successStatus: 201,
  },
  recordClearance: {
    method: "post",
    path: "/api/sessions/:id/clearances",
    summary:
      "Clear a blocking baseline BP or screening answer so the infusion may start (physician, with a " +
      "reason; stored append-only). 409 when there is nothing of that kind to clear",
    roles: physicians,
    params: uuidParamsSchema,
    body: recordClearanceRequestSchema,
    response: preInfusionStatusSchema,
    successStatus: 201,
  },
  recordOutcome: {
    method: "post",
    path: "/api/sessions/:id/outcomes",
    summary:
      "Record a PHQ-9 (nine items 0-3, by the patient or a clinician) or a MADRS total for the session",
    roles: clinicians,
    params: uuidParamsSchema,
    body: recordOutcomeRequestSchema,
    response: outcomeScoreSchema,
    successStatus: 201,
  },
  getSessionAudit: {
    method: "get",
    path: "/api/sessions/:id/audit",
    summary: "The session's audit trail, oldest first: who, when, what, the values before and after",
    roles: ["physician", "admin"],
    params: uuidParamsSchema,
    response: z.array(auditEntrySchema),
  },
  verifyAudit: {
    method: "get",
    path: "/api/audit/verify",
    summary: "Recompute the audit log's hash chain (admin); names the first row that does not verify",
    roles: admins,
    response: auditVerifyResponseSchema,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
export type ResponseOf<N extends EndpointName> = z.infer<(typeof endpoints)[N]["response"]>;

/** Fill `:name` segments of a path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
