import { z } from "zod";
import { idSchema, instantSchema } from "./common.ts";
import { actorSchema } from "./user.ts";

export const alertParameters = [
  "sbp",
  "dbp",
  "hr",
  "spo2",
  "rr",
  "moaas",
  "observation",
  "overdue",
  "stale",
] as const;
export const alertParameterSchema = z.enum(alertParameters);
export type AlertParameter = z.infer<typeof alertParameterSchema>;

/** IEC 60601-1-8 priorities (clinical reference, section 7). */
export const alertPriorities = ["high", "medium", "low"] as const;
export const alertPrioritySchema = z.enum(alertPriorities);
export type AlertPriority = z.infer<typeof alertPrioritySchema>;

export const priorityRank: Record<AlertPriority, number> = { high: 3, medium: 2, low: 1 };

export const alertStatusSchema = z.enum(["open", "cleared"]);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const alertSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  parameter: alertParameterSchema,
  priority: alertPrioritySchema,
  status: alertStatusSchema,
  message: z.string(),
  value: z.number().nullable(),
  /** Clinical time of the reading that raised it. */
  raisedAt: instantSchema,
  clearedAt: instantSchema.nullable(),
  /** When nobody acknowledged it in time and it was pushed to every physician with a stronger signal. */
  escalatedAt: instantSchema.nullable(),
  /**
   * false while a latched high alert waits for acknowledgement after its condition cleared:
   * still open, no longer present.
   */
  conditionPresent: z.boolean(),
  acknowledgedAt: instantSchema.nullable(),
  acknowledgedBy: actorSchema.nullable(),
  acknowledgementNote: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const acknowledgeAlertRequestSchema = z.strictObject({
  note: z.string().trim().max(500, { error: "must be at most 500 characters" }).optional(),
});
export type AcknowledgeAlertRequest = z.infer<typeof acknowledgeAlertRequestSchema>;

/**
 * What happened to an alert, carried with each alert event so clients can choose the signal.
 * "latched": a high alert's condition cleared but it stays open until acknowledged.
 */
export const alertChangeKinds = [
  "raised",
  "upgraded",
  "escalated",
  "cleared",
  "acknowledged",
  "latched",
] as const;
export type AlertChangeKind = (typeof alertChangeKinds)[number];
