import { z } from "zod";
import { uuidParamsSchema } from "../../schemas/common.ts";
import {
  createPatientRequestSchema,
  patientSchema,
  patientSearchQuerySchema,
} from "../../schemas/patient.ts";
import {
  patientRecordSchema,
  patientVersionSchema,
  updatePatientRequestSchema,
} from "../../schemas/patient-record.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone, clinicians } from "../endpoint.ts";

export const patientsEndpoints = {
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
} as const satisfies Record<string, Endpoint>;
