import { z } from "zod";
import { alertParameterSchema, alertPrioritySchema } from "../../schemas/alert.ts";
import { type Phase, phaseSchema } from "../../schemas/session.ts";
import type { VitalParameter } from "../../schemas/vitals.ts";
import type { Millis } from "./types.ts";

/**
 * The per-session engine state: plain JSON (the server keeps it in a jsonb column, the scheduler
 * reloads it), validated on load with `engineStateSchema`. Times are epoch milliseconds.
 */

const millis = z.number().int();
const sampleSchema = z.object({ t: millis, v: z.number() });
export type Sample = z.infer<typeof sampleSchema>;

const perVital = <T extends z.ZodType>(schema: T) =>
  z.object({
    sbp: schema.optional(),
    dbp: schema.optional(),
    hr: schema.optional(),
    spo2: schema.optional(),
    rr: schema.optional(),
  });

/** Monitor run of one parameter: since when each priority (or higher) has been met without a break. */
export const persistenceRunSchema = z.object({
  lastT: millis,
  lastValue: z.number(),
  since: z.object({ high: millis.optional(), medium: millis.optional(), low: millis.optional() }),
});
export type PersistenceRun = z.infer<typeof persistenceRunSchema>;

export const openAlertSchema = z.object({
  parameter: alertParameterSchema,
  priority: alertPrioritySchema,
  message: z.string(),
  value: z.number().nullable(),
  raisedAt: millis,
  /** When it became its current priority (escalation counts from here). */
  prioritySince: millis,
  acknowledged: z.object({ at: millis, by: z.string().optional() }).nullable(),
  escalatedAt: millis.nullable(),
  /** Latched: the condition has cleared but the alert waits for acknowledgement. */
  conditionCleared: z.boolean(),
});
export type OpenAlert = z.infer<typeof openAlertSchema>;

export const engineStateSchema = z.object({
  version: z.literal(1),
  phase: phaseSchema,
  phaseStartedAt: millis.nullable(),
  /** Mean of the last pre-infusion readings, fixed on entering `infusing`. */
  baseline: perVital(z.number()),
  baselineFixedAt: millis.nullable(),
  /** The last few pre-infusion readings per parameter, oldest first. */
  preInfusion: perVital(z.array(sampleSchema)),
  /** Recent readings per parameter (all sources), oldest first: confirmation and late-entry detection. */
  recent: perVital(z.array(sampleSchema)).extend({ moaas: z.array(sampleSchema).optional() }),
  persistence: perVital(persistenceRunSchema),
  lastBpAt: millis.nullable(),
  monitorSeen: z.boolean(),
  lastMonitorAt: millis.nullable(),
  /** Start of the current stretch of phases watched for a stale stream. */
  staleWatchSince: millis.nullable(),
  /** Open alerts, at most one per parameter. */
  alerts: z.array(openAlertSchema),
});
export type EngineState = z.infer<typeof engineStateSchema>;

export function initialState(
  phase: Phase = "pre_infusion",
  phaseStartedAt: Millis | null = null,
): EngineState {
  return {
    version: 1,
    phase,
    phaseStartedAt,
    baseline: {},
    baselineFixedAt: null,
    preInfusion: {},
    recent: {},
    persistence: {},
    lastBpAt: null,
    monitorSeen: false,
    lastMonitorAt: null,
    staleWatchSince: phaseStartedAt,
    alerts: [],
  };
}

/** Loads a stored state (e.g. from jsonb); throws when it is not a valid engine state. */
export function parseState(input: unknown): EngineState {
  return engineStateSchema.parse(input);
}

export function latestSample(state: EngineState, parameter: VitalParameter | "moaas"): Sample | undefined {
  return state.recent[parameter]?.at(-1);
}

export function findAlert(state: EngineState, parameter: string): OpenAlert | undefined {
  return state.alerts.find((a) => a.parameter === parameter);
}

export function removeAlert(state: EngineState, parameter: string): void {
  state.alerts = state.alerts.filter((a) => a.parameter !== parameter);
}
