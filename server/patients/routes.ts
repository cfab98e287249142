import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { courseRoutes } from "../courses/routes.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { screeningRoutes } from "../screening/routes.ts";
import { findPatientRow, searchPatients, toPatientRecord } from "./repo.ts";
import { registerPatient, updatePatient } from "./service.ts";
import { patientHistory } from "./versions-repo.ts";

/**
 * Patient records, and (mounted from here so app.ts stays untouched) the patient's treatment courses and
 * the pre-infusion screening of their sessions.
 */
export function patientRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();

  mount(router, endpoints.listPatients, async ({ query }) => searchPatients(db, query.q));

  mount(router, endpoints.getPatient, async ({ params }) => {
    const row = await findPatientRow(db, params.id);
    if (!row) throw notFound("Patient");
    return toPatientRecord(row);
  });

  mount(router, endpoints.createPatient, async ({ body, user }) => registerPatient(ctx, user, body));

  mount(router, endpoints.updatePatient, async ({ params, body, user }) =>
    updatePatient(ctx, user, params.id, body),
  );

  mount(router, endpoints.getPatientHistory, async ({ params }) => {
    if (!(await findPatientRow(db, params.id))) throw notFound("Patient");
    return patientHistory(db, params.id);
  });

  router.use(courseRoutes(ctx));
  router.use(screeningRoutes(ctx));
  return router;
}
