import { z } from "zod";
import { alertParameterSchema, alertPrioritySchema } from "../../schemas/alert.ts";
import { instantSchema } from "../../schemas/common.ts";
import { observationTypeSchema, severitySchema } from "../../schemas/observation.ts";
import { phaseSchema } from "../../schemas/session.ts";
import {
  readingSourceSchema,
  type VitalParameter,
  vitalBounds,
  vitalParameters,
} from "../../schemas/vitals.ts";
import type { AlertEvent, EngineInput } from "./types.ts";
import { alertEventKinds } from "./types.ts";

/**
 * The recorded-session format (JSON lines) read by `npm run replay` and written by the simulator,
 * and the alert-event lines it prints. Times are ISO 8601 instants.
 */

const vital = (p: VitalParameter) => {
  const { min, max } = vitalBounds[p];
  return z.number().min(min).max(max).optional();
};

export const replayPhaseLineSchema = z.strictObject({
  t: instantSchema,
  kind: z.literal("phase"),
  phase: phaseSchema,
});

export const replayVitalsLineSchema = z
  .strictObject({
    t: instantSchema,
    kind: z.literal("vitals"),
    source: readingSourceSchema.default("manual"),
    sbp: vital("sbp"),
    dbp: vital("dbp"),
    hr: vital("hr"),
    spo2: vital("spo2"),
    rr: vital("rr"),
  })
  .refine((v) => vitalParameters.some((p) => v[p] !== undefined), { error: "needs at least one vital sign" });

export const replayObservationLineSchema = z
  .strictObject({
    t: instantSchema,
    kind: z.literal("observation"),
    type: observationTypeSchema,
    severity: severitySchema.optional(),
    moaas: z.number().int().min(0).max(5).optional(),
  })
  .refine((o) => (o.type === "sedation") === (o.moaas !== undefined), {
    error: "moaas is required for type sedation and only allowed there",
  });

export const replayAckLineSchema = z.strictObject({
  t: instantSchema,
  kind: z.literal("ack"),
  parameter: alertParameterSchema,
  by: z.string().optional(),
});

export const replayLineSchema = z.discriminatedUnion("kind", [
  replayPhaseLineSchema,
  replayVitalsLineSchema,
  replayObservationLineSchema,
  replayAckLineSchema,
]);
export type ReplayLine = z.output<typeof replayLineSchema>;
export type ReplayLineInput = z.input<typeof replayLineSchema>;

export const replayEventLineSchema = z.object({
  t: instantSchema,
  event: z.enum(alertEventKinds),
  parameter: alertParameterSchema,
  priority: alertPrioritySchema,
  message: z.string(),
  value: z.number().nullable(),
  resignal: z.literal(true).optional(),
});
export type ReplayEventLine = z.infer<typeof replayEventLineSchema>;

export function toEngineInput(line: ReplayLine): EngineInput {
  const t = Date.parse(line.t);
  if (line.kind === "phase") return { kind: "phase", t, phase: line.phase };
  if (line.kind === "ack") {
    return line.by === undefined
      ? { kind: "ack", t, parameter: line.parameter }
      : { kind: "ack", t, parameter: line.parameter, by: line.by };
  }
  if (line.kind === "observation") {
    return {
      kind: "observation",
      t,
      type: line.type,
      severity: line.severity ?? null,
      moaas: line.moaas ?? null,
    };
  }
  const { kind: _kind, t: _t, ...values } = line;
  return { kind: "vitals", t, ...values };
}

export function toEventLine(event: AlertEvent): ReplayEventLine {
  const { t, ...rest } = event;
  return { t: new Date(t).toISOString(), ...rest };
}

export type ParsedLines =
  | { ok: true; lines: ReplayLine[] }
  | { ok: false; errors: { line: number; message: string }[] };

/** Parses JSON-lines text (blank lines skipped); reports every invalid line with its 1-based number. */
export function parseReplayText(text: string): ParsedLines {
  const lines: ReplayLine[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      errors.push({ line: i + 1, message: "not valid JSON" });
      return;
    }
    const result = replayLineSchema.safeParse(json);
    if (result.success) lines.push(result.data);
    else {
      const issues = result.error.issues.map((e) => `${e.path.join(".") || "line"}: ${e.message}`);
      errors.push({ line: i + 1, message: issues.join("; ") });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
