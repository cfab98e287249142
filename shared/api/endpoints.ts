import type { z } from "zod";
import type { Endpoint } from "./endpoint.ts";
import { adminEndpoints } from "./endpoints/admin.ts";
import { alertsEndpoints } from "./endpoints/alerts.ts";
import { authEndpoints } from "./endpoints/auth.ts";
import { coursesEndpoints } from "./endpoints/courses.ts";
import { dischargeEndpoints } from "./endpoints/discharge.ts";
import { observationsEndpoints } from "./endpoints/observations.ts";
import { patientsEndpoints } from "./endpoints/patients.ts";
import { screeningEndpoints } from "./endpoints/screening.ts";
import { sessionsEndpoints } from "./endpoints/sessions.ts";
import { usersEndpoints } from "./endpoints/users.ts";
import { vitalsEndpoints } from "./endpoints/vitals.ts";

/**
 * The REST contract, one file per feature under endpoints/. The server mounts and validates every
 * route from this table, the client builds its fetchers from it, and the OpenAPI document is
 * generated from it: one definition, three uses.
 */
export const endpoints = {
  ...authEndpoints,
  ...patientsEndpoints,
  ...sessionsEndpoints,
  ...vitalsEndpoints,
  ...observationsEndpoints,
  ...alertsEndpoints,
  ...dischargeEndpoints,
  ...coursesEndpoints,
  ...screeningEndpoints,
  ...adminEndpoints,
  ...usersEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
export type ResponseOf<N extends EndpointName> = z.infer<(typeof endpoints)[N]["response"]>;
