import { emptyChecklist } from "./checklist.ts";
import type { DischargeInputs, DischargeReading } from "./types.ts";

/** Builders for the discharge tests: a session that stopped its infusion at `stop` and is ready at `ready`. */
export const MIN = 60_000;
export const start = Date.parse("2026-11-22T09:00:00Z");
export const stop = start + 40 * MIN;

export const reading = (
  minutesAfterStop: number,
  over: Partial<DischargeReading> = {},
): DischargeReading => ({
  t: stop + minutesAfterStop * MIN,
  sbp: 120,
  dbp: 80,
  hr: 70,
  spo2: 98,
  ...over,
});

export const allTicked = () => ({
  oriented: true,
  steadyGait: true,
  nauseaControlled: true,
  painControlled: true,
  escortPresent: true,
  noDrivingAdvised: true,
});

/** Ready for discharge 30 min after the stop; override what a test is about. */
export function readyInputs(over: Partial<DischargeInputs> = {}): DischargeInputs {
  return {
    now: stop + 30 * MIN,
    infusionStartedAt: start,
    infusionStoppedAt: stop,
    readings: [reading(10), reading(25)],
    sedationChecks: [{ t: stop + 26 * MIN, moaas: 5 }],
    nauseaEvents: [],
    openAlerts: [],
    baseline: { sbp: 120, dbp: 80, hr: 70 },
    checklist: allTicked(),
    ...over,
  };
}

export const unticked = emptyChecklist;
