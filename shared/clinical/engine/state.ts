import { z } from "zod";
import { alertParameterSchema, alertPrioritySchema } from "../../schemas/alert.ts";
import { type Phase, phaseSchema } from "../../schemas/session.ts";
import type { VitalParameter } from "../../schemas/vitals.ts";
import { readStoredState } from "./stored-state-reader.ts";
import type { Millis } from "./types.ts";

/**
 * The per-session engine state: plain JSON (the server keeps it in a jsonb column, the scheduler
 * reloads it), validated on load with `engineStateSchema`. Times are epoch milliseconds.
 */

const millis = z.number().int();
const sampleSchema = z.object({ t: millis, v: z.number() }).readonly();
export type Sample = z.infer<typeof sampleSchema>;
/** Read-only, so a list is replaced rather than edited: engine states share their lists (cloneState). */
const sampleListSchema = z.array(sampleSchema).readonly();

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
  preInfusion: perVital(sampleListSchema),
  /** Recent readings per parameter (all sources), oldest first: confirmation and late-entry detection. */
  recent: perVital(sampleListSchema).extend({ moaas: sampleListSchema.optional() }),
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

type SampleLists<T> = Partial<Record<VitalParameter | "moaas", T>>;

function mapLists<A, B>(lists: SampleLists<A>, f: (list: A) => B): SampleLists<B> {
  const out: SampleLists<B> = {};
  for (const [key, list] of Object.entries(lists) as [VitalParameter | "moaas", A | undefined][]) {
    if (list !== undefined) out[key] = f(list);
  }
  return out;
}

/**
 * "t0,v0,t1-t0,v1,…": one short string per list instead of {t, v} objects (jsonb stores every number of an
 * array as a numeric of its own), so a state stays small enough to be stored inline.
 */
function packSamples(samples: readonly Sample[]): string {
  let text = "";
  let previous = 0;
  for (const { t, v } of samples) {
    text += text === "" ? `${t - previous},${v}` : `,${t - previous},${v}`;
    previous = t;
  }
  return text;
}

const packedSamplesSchema = z.string().transform((text, ctx): Sample[] => {
  const tokens = text === "" ? [] : text.split(",");
  const numbers = tokens.map(Number);
  const valid =
    tokens.length % 2 === 0 &&
    numbers.every((n, i) => String(n) === tokens[i] && (i % 2 === 1 || Number.isInteger(n)));
  if (!valid) {
    ctx.addIssue({ code: "custom", message: "packed samples are pairs of an integer time step and a value" });
    return z.NEVER;
  }
  const samples: Sample[] = [];
  let t = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    t += numbers[i]!;
    samples.push({ t, v: numbers[i + 1]! });
  }
  return samples;
});

/** The stored form (version 2): the engine state with its sample lists packed. */
export const storedStateSchema = engineStateSchema.extend({
  version: z.literal(2),
  preInfusion: perVital(packedSamplesSchema),
  recent: perVital(packedSamplesSchema).extend({ moaas: packedSamplesSchema.optional() }),
});

/** The text to store (jsonb); parseState reads it back, and still reads states stored unpacked (version 1). */
export function serializeState(state: EngineState): string {
  return JSON.stringify({
    ...state,
    version: 2,
    preInfusion: mapLists(state.preInfusion, packSamples),
    recent: mapLists(state.recent, packSamples),
  });
}

/** Loads a stored state (e.g. from jsonb), packed or not; throws when it is not a valid engine state. */
export function parseState(input: unknown): EngineState {
  if (typeof input !== "object" || input === null || (input as { version?: unknown }).version !== 2) {
    return engineStateSchema.parse(input);
  }
  return readStoredState(input) ?? { ...storedStateSchema.parse(input), version: 1 };
}

/**
 * A copy that shares what is never changed in place: sample lists and samples are replaced, not edited
 * (readings.ts and engine-exclusion build new lists), so a copy takes the containers only. Copying each
 * of a 1 Hz monitor's 600 kept samples on every step was most of what a reading allocated.
 */
export function cloneState(state: EngineState): EngineState {
  const persistence = { ...state.persistence } as Record<string, PersistenceRun | undefined>;
  for (const [key, run] of Object.entries(persistence)) {
    if (run) persistence[key] = { ...run, since: { ...run.since } };
  }
  return {
    ...state,
    baseline: { ...state.baseline },
    preInfusion: { ...state.preInfusion },
    recent: { ...state.recent },
    persistence: persistence as EngineState["persistence"],
    alerts: state.alerts.map((a) => ({ ...a, acknowledged: a.acknowledged && { ...a.acknowledged } })),
  };
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
