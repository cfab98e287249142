import { z } from "zod";
import { MADRS_MAX, PHQ9_ITEMS } from "../clinical/courses/outcomes.ts";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text);

/** One PHQ-9 answer; the message names the item, e.g. "item 3 (Trouble falling or staying asleep…) must be 0, 1, 2 or 3". */
const phq9Item = (n: number) => {
  const error = `item ${n} (${short(PHQ9_ITEMS[n - 1]!)}) must be 0, 1, 2 or 3`;
  return z.number({ error }).int({ error }).min(0, { error }).max(3, { error });
};

export const phq9ItemsSchema = z.tuple(
  [
    phq9Item(1),
    phq9Item(2),
    phq9Item(3),
    phq9Item(4),
    phq9Item(5),
    phq9Item(6),
    phq9Item(7),
    phq9Item(8),
    phq9Item(9),
  ],
  { error: "must be the 9 PHQ-9 answers" },
);

export const respondents = ["patient", "clinician"] as const;

export const recordOutcomeRequestSchema = z.discriminatedUnion(
  "instrument",
  [
    z.strictObject({
      instrument: z.literal("phq9"),
      items: phq9ItemsSchema,
      /** Who answered: the patient on the tablet, or the clinician reading the items aloud. */
      respondent: z.enum(respondents, { error: "must be patient or clinician" }),
    }),
    z.strictObject({
      instrument: z.literal("madrs"),
      total: z
        .number({ error: `must be a whole number from 0 to ${MADRS_MAX}` })
        .int({ error: `must be a whole number from 0 to ${MADRS_MAX}` })
        .min(0, { error: `must be a whole number from 0 to ${MADRS_MAX}` })
        .max(MADRS_MAX, { error: `must be a whole number from 0 to ${MADRS_MAX}` }),
    }),
  ],
  { error: "instrument must be phq9 or madrs" },
);
export type RecordOutcomeRequest = z.infer<typeof recordOutcomeRequestSchema>;

/** A stored score (append-only; the latest of each instrument per session counts). */
export const outcomeScoreSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  instrument: z.enum(["phq9", "madrs"]),
  items: z.array(z.number().int()).nullable(),
  total: z.number().int(),
  severity: z.string(),
  respondent: z.enum(respondents).nullable(),
  recordedBy: actorSchema,
  recordedAt: instantSchema,
});
export type OutcomeScore = z.infer<typeof outcomeScoreSchema>;
