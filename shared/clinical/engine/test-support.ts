import type { AlertParameter } from "../../schemas/alert.ts";
import type { ObservationType, Severity } from "../../schemas/observation.ts";
import type { Phase } from "../../schemas/session.ts";
import type { ReadingSource } from "../../schemas/vitals.ts";
import { defaultProfile, type ThresholdProfile } from "./profile.ts";
import { type EngineState, initialState } from "./state.ts";
import { step } from "./step.ts";
import type { AlertEvent, EngineInput, Millis, VitalValues } from "./types.ts";

/** Helpers for the engine's unit tests (not used by production code). */

export const T0 = Date.parse("2026-03-01T10:00:00.000Z");

/** T0 plus minutes and seconds. */
export const at = (min: number, sec = 0): Millis => T0 + min * 60_000 + sec * 1000;

export const vitals = (t: Millis, values: VitalValues, source: ReadingSource = "manual"): EngineInput => ({
  kind: "vitals",
  t,
  source,
  ...values,
});
export const monitor = (t: Millis, values: VitalValues) => vitals(t, values, "monitor");
export const phase = (t: Millis, p: Phase): EngineInput => ({ kind: "phase", t, phase: p });
export const ack = (t: Millis, parameter: AlertParameter, by?: string): EngineInput =>
  by === undefined ? { kind: "ack", t, parameter } : { kind: "ack", t, parameter, by };
export const tick = (t: Millis): EngineInput => ({ kind: "tick", t });
export const observe = (t: Millis, type: ObservationType, severity: Severity | null = null): EngineInput => ({
  kind: "observation",
  t,
  type,
  severity,
});
export const sedation = (t: Millis, moaas: number): EngineInput => ({
  kind: "observation",
  t,
  type: "sedation",
  moaas,
});

export function run(
  inputs: readonly EngineInput[],
  profile: ThresholdProfile = defaultProfile,
  start: EngineState = initialState(),
): { state: EngineState; events: AlertEvent[] } {
  let state = start;
  const events: AlertEvent[] = [];
  for (const input of inputs) {
    const result = step(state, input, profile);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

/** "m:ss" relative to T0 (negative before it). */
export function clock(t: Millis): string {
  const s = Math.round((t - T0) / 1000);
  const sign = s < 0 ? "-" : "";
  const abs = Math.abs(s);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/** Compact event lines for table assertions: "12:00 raised overdue low". */
export function brief(events: readonly AlertEvent[], parameter?: AlertParameter): string[] {
  return events
    .filter((e) => parameter === undefined || e.parameter === parameter)
    .map((e) => `${clock(e.t)} ${e.event} ${e.parameter} ${e.priority}`);
}

/** A session entering `infusing` at T0, after the given pre-infusion readings (5 min apart, ending at -5 min). */
export function infusingAtT0(pre: VitalValues[] = []): EngineInput[] {
  const inputs: EngineInput[] = [phase(at(-60), "pre_infusion")];
  pre.forEach((values, i) => {
    inputs.push(vitals(at(-5 * (pre.length - i)), values));
  });
  inputs.push(phase(T0, "infusing"));
  return inputs;
}
