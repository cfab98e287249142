import { z } from "zod";
import { screeningKinds } from "../clinical/screening/checklist.ts";
import { screeningProfileSchema, screeningQuestionSchema } from "../clinical/screening/profile.ts";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";
import { outcomeScoreSchema } from "./outcome.ts";
import { actorSchema } from "./user.ts";

export const screeningAnswerSchema = z.enum(["yes", "no"], { error: "must be answered yes or no" });
export const screeningKindSchema = z.enum(screeningKinds);

export const recordScreeningRequestSchema = z.strictObject({
  /** Question id -> yes/no; every question of the session's checklist must be answered (400 names each). */
  answers: z.record(z.string().regex(/^[a-z_]+$/, { error: "is not a question id" }), screeningAnswerSchema),
  medications: z
    .string({ error: "must be text" })
    .trim()
    .max(2000, { error: "must be at most 2000 characters" })
    .default(""),
  note: z
    .string({ error: "must be text" })
    .trim()
    .max(2000, { error: "must be at most 2000 characters" })
    .default(""),
});
export type RecordScreeningRequest = z.input<typeof recordScreeningRequestSchema>;

export const blockingAnswerSchema = z.object({
  questionId: z.string(),
  label: z.string(),
  answer: screeningAnswerSchema,
});

/** One recorded checklist (append-only: a correction is a new record; the latest counts). */
export const screeningRecordSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  kind: screeningKindSchema,
  answers: z.record(z.string(), screeningAnswerSchema),
  medications: z.string(),
  note: z.string(),
  blocking: z.array(blockingAnswerSchema),
  recordedBy: actorSchema,
  recordedAt: instantSchema,
});
export type ScreeningRecord = z.infer<typeof screeningRecordSchema>;

export const clearanceKindSchema = z.enum(["baseline_bp", "screening"], {
  error: "must be baseline_bp or screening",
});

/** A physician's clearance, stored append-only with who, when and why, and exactly what it cleared. */
export const clearanceSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  kind: clearanceKindSchema,
  /** What was cleared, e.g. "Baseline BP 165/102 mmHg" or "Screening: Pregnant or possibly pregnant: yes". */
  subject: z.string(),
  reason: z.string(),
  clearedBy: actorSchema,
  clearedAt: instantSchema,
});
export type Clearance = z.infer<typeof clearanceSchema>;

export const recordClearanceRequestSchema = z.strictObject({
  kind: clearanceKindSchema,
  reason: nonEmptyText(1000),
});
export type RecordClearanceRequest = z.infer<typeof recordClearanceRequestSchema>;

export const gateItemSchema = z.object({
  kind: clearanceKindSchema,
  message: z.string(),
  cleared: z.boolean(),
});

/** GET /api/sessions/:id/pre-infusion: the checklist, the baseline gate, clearances and this session's scores. */
export const preInfusionStatusSchema = z.object({
  sessionId: idSchema,
  kind: screeningKindSchema,
  profile: screeningProfileSchema,
  questions: z.array(screeningQuestionSchema),
  screening: screeningRecordSchema.nullable(),
  baseline: z.object({ sbp: z.number(), dbp: z.number(), observedAt: instantSchema }).nullable(),
  baselineLevel: z.enum(["ok", "caution", "block", "missing"]),
  baselineMessage: z.string(),
  canStart: z.boolean(),
  blockers: z.array(gateItemSchema),
  cautions: z.array(z.string()),
  clearances: z.array(clearanceSchema),
  outcomes: z.array(outcomeScoreSchema),
});
export type PreInfusionStatus = z.infer<typeof preInfusionStatusSchema>;
