import { z } from "zod";
import { alertPrioritySchema } from "../../schemas/alert.ts";
import { observationTypeSchema, severitySchema } from "../../schemas/observation.ts";
import { phaseSchema } from "../../schemas/session.ts";
import { readingSourceSchema, type VitalParameter, vitalParameters } from "../../schemas/vitals.ts";

/**
 * A threshold profile is data, not code: it travels as JSON (admin edits, per-session overrides,
 * `npm run replay -- --profile`), so every field is a plain number, string or array.
 */

export const comparisonOps = [">=", ">", "<=", "<"] as const;
export const comparisonOpSchema = z.enum(comparisonOps);
export type ComparisonOp = z.infer<typeof comparisonOpSchema>;

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/** One level of one parameter: `value op threshold` (threshold = baseline + value for basis "baseline"). */
export const levelRuleSchema = z.strictObject({
  op: comparisonOpSchema,
  value: z.number(),
  priority: alertPrioritySchema,
  /** Absent or "absolute": compare with `value`; "baseline": compare with baseline + `value` (skipped without one). */
  basis: z.enum(["absolute", "baseline"]).optional(),
  /** Needs the previous reading of the parameter, taken within this window (inclusive), to meet it too. */
  confirm: z.strictObject({ withinMinutes: positive }).optional(),
});
export type LevelRule = z.infer<typeof levelRuleSchema>;

export const parameterProfileSchema = z.strictObject({
  levels: z.array(levelRuleSchema),
  /** Hysteresis: an open alert clears only when the value is this far inside every limit. */
  clearMargin: nonNegative,
});
export type ParameterProfile = z.infer<typeof parameterProfileSchema>;

/** Matches when the type is listed (or no list) and the severity is listed (or no list). */
export const observationRuleSchema = z.strictObject({
  types: z.array(observationTypeSchema).optional(),
  severities: z.array(severitySchema).optional(),
  priority: alertPrioritySchema,
});
export type ObservationRule = z.infer<typeof observationRuleSchema>;

const vitalParameterSchema = z.enum(vitalParameters as [VitalParameter, ...VitalParameter[]]);

export const thresholdProfileSchema = z
  .strictObject({
    name: z.string().min(1),
    vitals: z.strictObject({
      sbp: parameterProfileSchema,
      dbp: parameterProfileSchema,
      hr: parameterProfileSchema,
      spo2: parameterProfileSchema,
      rr: parameterProfileSchema,
    }),
    /** Sedation checks (MOAA/S 0-5). */
    moaas: parameterProfileSchema,
    observations: z.array(observationRuleSchema),
    /** Baseline = mean of the last `readings` pre-infusion readings, fixed on entering `infusing`. */
    baseline: z.strictObject({ readings: z.number().int().min(1) }),
    persistence: z.strictObject({
      seconds: nonNegative,
      parameters: z.array(vitalParameterSchema),
      sources: z.array(readingSourceSchema),
      /** Readings further apart than this (or this long silent at the due time) break the run. */
      maxGapSeconds: positive,
    }),
    overdue: z.strictObject({
      /** Phases where a BP is due, with its interval after the later of phase start and last BP. */
      intervalMinutes: z.partialRecord(phaseSchema, positive),
      lowAfterMinutes: nonNegative,
      mediumAfterMinutes: nonNegative,
    }),
    stale: z.strictObject({
      seconds: positive,
      phases: z.array(phaseSchema),
      priority: alertPrioritySchema,
    }),
    /** Seconds after an alert became this priority, unacknowledged, before it escalates. */
    escalationSeconds: z.partialRecord(alertPrioritySchema, positive),
    /** Priorities that stay open after their condition clears until acknowledged. */
    latchPriorities: z.array(alertPrioritySchema),
    /** Phases in which readings and observations are evaluated. */
    evaluatePhases: z.array(phaseSchema),
  })
  .superRefine((p, ctx) => {
    if (p.overdue.mediumAfterMinutes < p.overdue.lowAfterMinutes) {
      ctx.addIssue({
        code: "custom",
        path: ["overdue", "mediumAfterMinutes"],
        message: "must not be earlier than lowAfterMinutes",
      });
    }
  });
export type ThresholdProfile = z.infer<typeof thresholdProfileSchema>;

/** The clinic default "IV ketamine 0.5 mg/kg over 40 min", exactly as issue 3 states it. */
export const defaultProfile: ThresholdProfile = {
  name: "IV ketamine 0.5 mg/kg over 40 min",
  vitals: {
    sbp: {
      levels: [
        { op: ">=", value: 200, priority: "high" },
        { op: ">=", value: 180, priority: "high", confirm: { withinMinutes: 10 } },
        { op: "<", value: 80, priority: "high" },
        { op: ">=", value: 165, priority: "medium" },
        { op: ">=", value: 40, priority: "medium", basis: "baseline" },
        { op: "<", value: 90, priority: "medium" },
      ],
      clearMargin: 5,
    },
    dbp: {
      levels: [
        { op: ">=", value: 120, priority: "high" },
        { op: ">=", value: 110, priority: "high", confirm: { withinMinutes: 10 } },
        { op: ">=", value: 100, priority: "medium" },
        { op: ">=", value: 25, priority: "medium", basis: "baseline" },
      ],
      clearMargin: 5,
    },
    hr: {
      levels: [
        { op: ">=", value: 140, priority: "high" },
        { op: "<", value: 40, priority: "high" },
        { op: ">=", value: 120, priority: "medium" },
        { op: "<", value: 50, priority: "medium" },
      ],
      clearMargin: 5,
    },
    spo2: {
      levels: [
        { op: "<", value: 88, priority: "high" },
        { op: "<", value: 92, priority: "medium" },
      ],
      clearMargin: 1,
    },
    rr: {
      levels: [
        { op: "<", value: 8, priority: "high" },
        { op: "<", value: 10, priority: "medium" },
        { op: ">=", value: 30, priority: "medium" },
      ],
      clearMargin: 1,
    },
  },
  // Clears on 4 or 5: a margin of 0 beyond "<= 3".
  moaas: {
    levels: [
      { op: "<=", value: 2, priority: "high" },
      { op: "<=", value: 3, priority: "medium" },
    ],
    clearMargin: 0,
  },
  observations: [
    { types: ["seizure", "chest_pain", "loss_of_consciousness"], priority: "high" },
    { severities: ["severe"], priority: "medium" },
  ],
  baseline: { readings: 3 },
  persistence: { seconds: 15, parameters: ["hr", "spo2"], sources: ["monitor"], maxGapSeconds: 10 },
  overdue: { intervalMinutes: { infusing: 10, recovery: 15 }, lowAfterMinutes: 2, mediumAfterMinutes: 5 },
  stale: { seconds: 60, phases: ["infusing", "recovery"], priority: "medium" },
  escalationSeconds: { high: 60, medium: 300 },
  latchPriorities: ["high"],
  evaluatePhases: ["pre_infusion", "infusing", "recovery"],
};

/** Parses a profile from JSON text or a parsed value; throws a readable error listing every problem. */
export function parseProfile(input: unknown): ThresholdProfile {
  const result = thresholdProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(profile)"}: ${i.message}`);
  throw new Error(`invalid threshold profile: ${problems.join("; ")}`);
}
