import { z } from "zod";
import { idSchema, instantSchema, nonEmptyText } from "./common.ts";

export const phases = ["pre_infusion", "infusing", "recovery", "discharged"] as const;
export const phaseSchema = z.enum(phases, { error: `must be one of: ${phases.join(", ")}` });
export type Phase = z.infer<typeof phaseSchema>;

export const phaseLabels: Record<Phase, string> = {
  pre_infusion: "Pre-infusion",
  infusing: "Infusing",
  recovery: "Recovery",
  discharged: "Discharged",
};

export const infusionSessionSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  chair: z.string(),
  weightKg: z.number(),
  doseMgPerKg: z.number(),
  totalDoseMg: z.number(),
  plannedDurationMin: z.number().int(),
  phase: phaseSchema,
  createdAt: instantSchema,
  phaseChangedAt: instantSchema,
  infusionStartedAt: instantSchema.nullable(),
  infusionStoppedAt: instantSchema.nullable(),
  dischargedAt: instantSchema.nullable(),
  /** Last event sequence number of this session; every broadcast carries the next one. */
  seq: z.number().int(),
});
export type InfusionSession = z.infer<typeof infusionSessionSchema>;

export const createSessionRequestSchema = z.strictObject({
  patientId: idSchema,
  chair: nonEmptyText(20),
  weightKg: z
    .number({ error: "must be a number" })
    .min(20, { error: "must be between 20 and 350 kg" })
    .max(350, { error: "must be between 20 and 350 kg" }),
  doseMgPerKg: z
    .number({ error: "must be a number" })
    .gt(0, { error: "must be above 0 mg/kg" })
    .max(2, { error: "must be at most 2 mg/kg (sub-anaesthetic protocols)" }),
  plannedDurationMin: z
    .number({ error: "must be a number" })
    .int({ error: "must be whole minutes" })
    .min(10, { error: "must be between 10 and 240 minutes" })
    .max(240, { error: "must be between 10 and 240 minutes" }),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

export const phaseChangeRequestSchema = z.strictObject({ to: phaseSchema });
export type PhaseChangeRequest = z.infer<typeof phaseChangeRequestSchema>;

export const sessionListQuerySchema = z.object({
  status: z.enum(["active", "all"], { error: "must be active or all" }).default("active"),
  patientId: idSchema.optional(),
});
