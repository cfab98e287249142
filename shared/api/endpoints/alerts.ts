import { acknowledgeAlertRequestSchema, alertSchema } from "../../schemas/alert.ts";
import { uuidParamsSchema } from "../../schemas/common.ts";
import {
  alertContextSchema,
  clinicProfileResponseSchema,
  sessionProfileResponseSchema,
  updateProfileRequestSchema,
} from "../../schemas/profile.ts";
import type { Endpoint } from "../endpoint.ts";
import { admins, anyone, physicians } from "../endpoint.ts";

export const alertsEndpoints = {
  acknowledgeAlert: {
    method: "post",
    path: "/api/alerts/:id/acknowledge",
    summary: "Acknowledge an alert (physician)",
    roles: physicians,
    params: uuidParamsSchema,
    body: acknowledgeAlertRequestSchema,
    response: alertSchema,
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
} as const satisfies Record<string, Endpoint>;
