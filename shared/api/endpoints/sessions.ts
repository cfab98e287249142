import { z } from "zod";
import { uuidParamsSchema } from "../../schemas/common.ts";
import {
  createSessionRequestSchema,
  infusionSessionSchema,
  phaseChangeRequestSchema,
  sessionListQuerySchema,
} from "../../schemas/session.ts";
import { sessionDetailSchema, sessionSummarySchema } from "../../schemas/session-views.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone, clinicians } from "../endpoint.ts";

/** A FHIR R4 Bundle; its full shape is FHIR's own (tests validate it against the official schema). */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: z.string(),
  entry: z.array(
    z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) }),
  ),
});

export const sessionsEndpoints = {
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
  exportSessionFhir: {
    method: "get",
    path: "/api/sessions/:id/fhir",
    summary: "The session as a FHIR R4 Bundle: Patient, Encounter, vital-sign Observations (LOINC, UCUM)",
    roles: anyone,
    params: uuidParamsSchema,
    response: fhirBundleSchema,
  },
} as const satisfies Record<string, Endpoint>;
