import {
  readingAmendmentResponseSchema,
  readingEnteredInErrorRequestSchema,
} from "../../schemas/amendment.ts";
import { chairParamsSchema } from "../../schemas/api-key.ts";
import { uuidParamsSchema } from "../../schemas/common.ts";
import { recordVitalsResponseSchema } from "../../schemas/session-views.ts";
import { ingestVitalsRequestSchema, recordVitalsRequestSchema } from "../../schemas/vitals.ts";
import type { Endpoint } from "../endpoint.ts";
import { clinicians, devices } from "../endpoint.ts";

export const vitalsEndpoints = {
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
} as const satisfies Record<string, Endpoint>;
