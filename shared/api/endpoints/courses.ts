import { uuidParamsSchema } from "../../schemas/common.ts";
import { patientCourseSchema, sessionCourseSchema, startCourseRequestSchema } from "../../schemas/course.ts";
import { outcomeScoreSchema, recordOutcomeRequestSchema } from "../../schemas/outcome.ts";
import type { Endpoint } from "../endpoint.ts";
import { anyone, clinicians, physicians } from "../endpoint.ts";

export const coursesEndpoints = {
  getPatientCourse: {
    method: "get",
    path: "/api/patients/:id/course",
    summary:
      "The patient's treatment courses with each infusion (PHQ-9, MADRS, peak BP, alerts, side effects, " +
      "clearances), the outcome series, where the next session goes and the non-response flag",
    roles: anyone,
    params: uuidParamsSchema,
    response: patientCourseSchema,
  },
  startCourse: {
    method: "post",
    path: "/api/patients/:id/courses",
    summary:
      "Start a new treatment course, e.g. maintenance (physician, with a reason); closes the active one",
    roles: physicians,
    params: uuidParamsSchema,
    body: startCourseRequestSchema,
    response: patientCourseSchema,
    successStatus: 201,
  },
  getSessionCourse: {
    method: "get",
    path: "/api/sessions/:id/course",
    summary:
      'The session\'s course and infusion number ("infusion 3 of 6"); null for a session without a course',
    roles: anyone,
    params: uuidParamsSchema,
    response: sessionCourseSchema.nullable(),
  },
  recordOutcome: {
    method: "post",
    path: "/api/sessions/:id/outcomes",
    summary:
      "Record a PHQ-9 (nine items 0-3, by the patient or a clinician) or a MADRS total for the session",
    roles: clinicians,
    params: uuidParamsSchema,
    body: recordOutcomeRequestSchema,
    response: outcomeScoreSchema,
    successStatus: 201,
  },
} as const satisfies Record<string, Endpoint>;
