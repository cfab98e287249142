import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findPatient, findPatientByMrn, insertPatient, searchPatients } from "./repo.ts";

export function patientRoutes({ db, now }: AppContext): Router {
  const router = Router();

  mount(router, endpoints.listPatients, async ({ query }) => searchPatients(db, query.q));

  mount(router, endpoints.getPatient, async ({ params }) => {
    const patient = await findPatient(db, params.id);
    if (!patient) throw notFound("Patient");
    return patient;
  });

  mount(router, endpoints.createPatient, async ({ body }) => {
    if (await findPatientByMrn(db, body.mrn)) {
      throw new HttpError(409, "conflict", `A patient with MRN ${body.mrn} already exists.`, {
        issues: [{ path: "mrn", message: "is already registered" }],
      });
    }
    return insertPatient(db, body, now());
  });

  return router;
}
