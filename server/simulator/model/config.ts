import { z } from "zod";
import { scenarioNames } from "./scenarios.ts";

/** Everything that defines one simulated session; the same config always gives the same session. */

const minutes = (min: number, max: number) => z.number().min(min).max(max);

export const timingSchema = z.strictObject({
  preInfusionMin: minutes(2, 60).default(10),
  /** 0.5 mg/kg over 40 min (clinical.md section 1). */
  infusionMin: minutes(10, 240).default(40),
  recoveryMin: minutes(10, 240).default(60),
});

export const cuffCycleSchema = z.strictObject({
  pre_infusion: minutes(1, 60).default(4),
  infusing: minutes(1, 60).default(5),
  recovery: minutes(1, 60).default(10),
});

export const monitorSchema = z.strictObject({
  /** HR/SpO2 samples per second from the pulse oximeter. */
  rateHz: z.number().gt(0).max(10).default(1),
  /** Automatic NIBP cuff cycle per phase (minutes). */
  cuffCycleMin: cuffCycleSchema.default(cuffCycleSchema.parse({})),
  /** Share of cuff cycles that fail and give no reading. */
  cuffFailureRate: z.number().min(0).max(1).default(0.04),
  /** Motion artefacts on SpO2 (brief false dips), per hour of monitoring. */
  motionArtefactsPerHour: z.number().min(0).max(60).default(2),
  /** Probe falling off (a gap in HR/SpO2), per hour of monitoring. */
  probeOffPerHour: z.number().min(0).max(60).default(0.5),
  /** Measurement noise (SD): oximeter HR/SpO2 per sample, oscillometric and manual BP per reading. */
  noise: z
    .strictObject({
      hr: z.number().min(0).max(20).default(1.2),
      spo2: z.number().min(0).max(5).default(0.5),
      nibpSbp: z.number().min(0).max(20).default(5),
      nibpDbp: z.number().min(0).max(20).default(4),
    })
    .default({ hr: 1.2, spo2: 0.5, nibpSbp: 5, nibpDbp: 4 }),
});

export const sedationCheckSchema = z.strictObject({
  infusing: minutes(1, 60).default(10),
  recovery: minutes(1, 60).default(15),
});

export const sessionConfigSchema = z.strictObject({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  scenario: z
    .enum(scenarioNames, { error: `must be one of: ${scenarioNames.join(", ")}` })
    .default("typical"),
  /** Wall-clock time of the session start (the pre_infusion phase). */
  start: z.iso.datetime({ offset: true }).default("2026-01-05T09:00:00.000Z"),
  timing: timingSchema.default(timingSchema.parse({})),
  monitor: monitorSchema.default(monitorSchema.parse({})),
  sedationCheckMin: sedationCheckSchema.default(sedationCheckSchema.parse({})),
});

export type SessionConfigInput = z.input<typeof sessionConfigSchema>;
export type SessionConfig = z.output<typeof sessionConfigSchema>;
export type MonitorConfig = SessionConfig["monitor"];
export type Timing = SessionConfig["timing"];

/** Fills defaults and validates; throws a readable error listing every problem. */
export function resolveConfig(input: SessionConfigInput): SessionConfig {
  const result = sessionConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`);
  throw new Error(`invalid session config: ${problems.join("; ")}`);
}

/** Phase boundaries in session minutes. */
export function phaseTimes(timing: Timing): {
  infusing: number;
  recovery: number;
  discharged: number;
} {
  const infusing = timing.preInfusionMin;
  const recovery = infusing + timing.infusionMin;
  return { infusing, recovery, discharged: recovery + timing.recoveryMin };
}
