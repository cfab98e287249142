import { z } from "zod";

/**
 * The clinic's pre-infusion screening settings, as data: the baseline BP limits of the gate and the
 * checklist questions, each saying which answer blocks the infusion until a physician clears it.
 */
const mmHg = z.number().int().min(40).max(300);

export const screeningQuestionSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: z.string(),
  /** Asked before the first infusion of a patient. */
  initial: z.boolean(),
  /** Asked before every later infusion (the short checklist). */
  followUp: z.boolean(),
  /** The answer that needs a physician's clearance before the infusion may start; null: never blocks. */
  blockingAnswer: z.enum(["yes", "no"]).nullable(),
});
export type ScreeningQuestion = z.infer<typeof screeningQuestionSchema>;

export const screeningProfileSchema = z.object({
  name: z.string(),
  baselineBp: z.object({
    /** At or above either value: a caution is shown. */
    cautionSbp: mmHg,
    cautionDbp: mmHg,
    /** At or above either value: the infusion cannot start without a physician's clearance. */
    blockSbp: mmHg,
    blockDbp: mmHg,
  }),
  /** Hours of nothing by mouth the clinic requires before an infusion (clinic protocol; unverified default). */
  fastingHours: z.number().min(0).max(24),
  questions: z.array(screeningQuestionSchema),
});
export type ScreeningProfile = z.infer<typeof screeningProfileSchema>;

export const defaultScreeningProfile: ScreeningProfile = {
  name: "IV ketamine pre-infusion screening",
  baselineBp: { cautionSbp: 140, cautionDbp: 90, blockSbp: 160, blockDbp: 100 },
  fastingHours: 4,
  questions: [
    {
      id: "substance_misuse",
      label: "History of substance or alcohol misuse",
      initial: true,
      followUp: false,
      blockingAnswer: "yes",
    },
    {
      id: "recent_substance_use",
      label: "Alcohol or recreational drug use in the last 24 hours",
      initial: false,
      followUp: true,
      blockingAnswer: "yes",
    },
    {
      id: "uncontrolled_hypertension",
      label: "Uncontrolled hypertension",
      initial: true,
      followUp: false,
      blockingAnswer: "yes",
    },
    {
      id: "heart_disease",
      label: "Heart disease (angina, heart failure, arrhythmia, recent heart attack)",
      initial: true,
      followUp: false,
      blockingAnswer: "yes",
    },
    {
      id: "new_cardiac_symptoms",
      label: "New chest pain, palpitations or blood-pressure problem since the last infusion",
      initial: false,
      followUp: true,
      blockingAnswer: "yes",
    },
    {
      id: "pregnancy",
      label: "Pregnant or possibly pregnant",
      initial: true,
      followUp: true,
      blockingAnswer: "yes",
    },
    {
      id: "psychosis_history",
      label: "History of psychosis",
      initial: true,
      followUp: false,
      blockingAnswer: "yes",
    },
    {
      id: "medications_reviewed",
      label: "Current medications reviewed (listed below)",
      initial: true,
      followUp: false,
      blockingAnswer: "no",
    },
    {
      id: "medication_changes",
      label: "New or changed medications since the last infusion (list them below)",
      initial: false,
      followUp: true,
      blockingAnswer: null,
    },
    {
      id: "nothing_by_mouth",
      label: "Nothing by mouth for the required time",
      initial: true,
      followUp: true,
      blockingAnswer: "no",
    },
    {
      id: "escort_arranged",
      label: "Escort arranged to take the patient home",
      initial: true,
      followUp: true,
      blockingAnswer: "no",
    },
  ],
};

export function parseScreeningProfile(value: unknown): ScreeningProfile {
  return screeningProfileSchema.parse(value);
}
