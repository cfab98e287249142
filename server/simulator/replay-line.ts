import { z } from "zod";
import { observationTypes, severities } from "../../shared/schemas/observation.ts";
import { phases } from "../../shared/schemas/session.ts";
import { readingSources, type VitalParameter, vitalBounds } from "../../shared/schemas/vitals.ts";

/**
 * The replay JSON-lines format of issue 3, as the simulator writes it (stricter than the reader:
 * integer vitals, sbp > dbp, severity on every non-sedation observation). Local for now; to be pointed
 * at the engine's shared schema (shared/clinical/engine/replay-format.ts) later.
 */

const instant = z.iso.datetime({ offset: true });
const vital = (p: VitalParameter) =>
  z.number().int().min(vitalBounds[p].min).max(vitalBounds[p].max).optional();

export const simPhaseLineSchema = z.strictObject({
  t: instant,
  kind: z.literal("phase"),
  phase: z.enum(phases),
});

export const simVitalsLineSchema = z
  .strictObject({
    t: instant,
    kind: z.literal("vitals"),
    source: z.enum(readingSources),
    sbp: vital("sbp"),
    dbp: vital("dbp"),
    hr: vital("hr"),
    spo2: vital("spo2"),
    rr: vital("rr"),
  })
  .refine((v) => [v.sbp, v.dbp, v.hr, v.spo2, v.rr].some((x) => x !== undefined), {
    error: "needs at least one vital sign",
  })
  .refine((v) => (v.sbp === undefined) === (v.dbp === undefined), { error: "sbp and dbp come together" })
  .refine((v) => v.sbp === undefined || v.dbp === undefined || v.sbp > v.dbp, {
    error: "sbp must exceed dbp",
  });

export const simObservationLineSchema = z
  .strictObject({
    t: instant,
    kind: z.literal("observation"),
    type: z.enum(observationTypes),
    severity: z.enum(severities).optional(),
    moaas: z.number().int().min(0).max(5).optional(),
  })
  .refine((o) => (o.type === "sedation") === (o.moaas !== undefined), {
    error: "moaas is required for type sedation and only allowed there",
  })
  .refine((o) => (o.type === "sedation") === (o.severity === undefined), {
    error: "a sedation check has no severity; every other observation has one",
  });

export const simReplayLineSchema = z.discriminatedUnion("kind", [
  simPhaseLineSchema,
  simVitalsLineSchema,
  simObservationLineSchema,
]);
export type SimReplayLine = z.infer<typeof simReplayLineSchema>;
export type SimVitalsLine = z.infer<typeof simVitalsLineSchema>;
