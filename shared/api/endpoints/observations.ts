import {
  observationAmendmentResponseSchema,
  observationEnteredInErrorRequestSchema,
} from "../../schemas/amendment.ts";
import { uuidParamsSchema } from "../../schemas/common.ts";
import { recordObservationRequestSchema } from "../../schemas/observation.ts";
import { recordObservationResponseSchema } from "../../schemas/session-views.ts";
import type { Endpoint } from "../endpoint.ts";
import { clinicians } from "../endpoint.ts";

export const observationsEndpoints = {
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
} as const satisfies Record<string, Endpoint>;
