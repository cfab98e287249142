import { z } from "zod";
import { courseKinds } from "../clinical/courses/numbering.ts";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";
import { outcomeScoreSchema } from "./outcome.ts";
import { clearanceSchema } from "./screening.ts";
import { phaseSchema } from "./session.ts";
import { actorSchema } from "./user.ts";

export const courseKindSchema = z.enum(courseKinds, { error: `must be one of: ${courseKinds.join(", ")}` });

/** A treatment course: induction (planned infusions) or maintenance (open-ended). One is active at a time. */
export const courseSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  kind: courseKindSchema,
  plannedInfusions: z.number().int().nullable(),
  status: z.enum(["active", "closed"]),
  startedAt: instantSchema,
  /** null when the system opened it (first session of a patient, or an induction completed). */
  startedBy: actorSchema.nullable(),
  reason: z.string().nullable(),
  closedAt: instantSchema.nullable(),
});
export type Course = z.infer<typeof courseSchema>;

/** Where one session sits in its course: "infusion 3 of 6", "maintenance infusion 2". */
export const sessionCourseSchema = z.object({
  sessionId: idSchema,
  course: courseSchema,
  infusionNumber: z.number().int().min(1),
  label: z.string(),
});
export type SessionCourse = z.infer<typeof sessionCourseSchema>;

/** One infusion of a course, summarised for the patient page. */
export const infusionSummarySchema = z.object({
  sessionId: idSchema,
  infusionNumber: z.number().int(),
  label: z.string(),
  chair: z.string(),
  createdAt: instantSchema,
  phase: phaseSchema,
  phq9: z.number().int().nullable(),
  madrs: z.number().int().nullable(),
  peakSbp: z.number().nullable(),
  peakDbp: z.number().nullable(),
  alertsCount: z.number().int(),
  /** Side effects observed, e.g. "nausea (moderate)", most severe per type. */
  sideEffects: z.array(z.string()),
  clearances: z.array(clearanceSchema),
});
export type InfusionSummary = z.infer<typeof infusionSummarySchema>;

export const responseAssessmentSchema = z.object({
  status: z.enum(["not_assessable", "response", "non_response"]),
  dropPercent: z.number().nullable(),
  message: z.string(),
  firstPhq9: z.number().int().nullable(),
  latestPhq9: z.number().int().nullable(),
});

/** GET /api/patients/:id/course: every course with its infusions, the outcome series and the response flag. */
export const patientCourseSchema = z.object({
  courses: z.array(courseSchema.extend({ infusions: z.array(infusionSummarySchema) })),
  activeCourseId: idSchema.nullable(),
  /** Where the next session will go. */
  next: z.object({
    kind: courseKindSchema,
    infusionNumber: z.number().int(),
    label: z.string(),
    newCourse: z.boolean(),
  }),
  response: responseAssessmentSchema,
  /** Every PHQ-9 and MADRS of the patient, oldest first (the chart). */
  outcomes: z.array(outcomeScoreSchema.extend({ label: z.string() })),
});
export type PatientCourse = z.infer<typeof patientCourseSchema>;

export const startCourseRequestSchema = z.strictObject({
  kind: courseKindSchema,
  reason: nonEmptyText(500),
});
export type StartCourseRequest = z.infer<typeof startCourseRequestSchema>;
