import { addAddendumRequestSchema, addendumSchema } from "../../schemas/addendum.ts";
import { uuidParamsSchema } from "../../schemas/common.ts";
import { signDischargeRequestSchema } from "../../schemas/discharge.ts";
import {
  checklistHistorySchema,
  dischargeReadinessSchema,
  updateChecklistRequestSchema,
} from "../../schemas/discharge-readiness.ts";
import { sessionDetailSchema } from "../../schemas/session-views.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone, clinicians, physicians } from "../endpoint.ts";

export const dischargeEndpoints = {
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
} as const satisfies Record<string, Endpoint>;
