import { uuidParamsSchema } from "../../schemas/common.ts";
import {
  preInfusionStatusSchema,
  recordClearanceRequestSchema,
  recordScreeningRequestSchema,
} from "../../schemas/screening.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone, clinicians, physicians } from "../endpoint.ts";

export const screeningEndpoints = {
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
} as const satisfies Record<string, Endpoint>;
