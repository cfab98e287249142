import type { Random } from "./random.ts";
import { round1 } from "./random.ts";

/** Scenarios layered on the typical ketamine response (issue 4). */
export const scenarioNames = [
  "typical",
  "hypertensive_responder",
  "vasovagal",
  "desaturation",
  "sensor_disconnect",
  "nurse_behind",
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

/** Validates a scenario name; the error lists the valid ones. */
export function parseScenario(name: string): ScenarioName {
  if (isScenarioName(name)) return name;
  throw new Error(`unknown scenario "${name}"; valid scenarios: ${scenarioNames.join(", ")}`);
}

/** A transient episode in session minutes: ramps in, holds, ramps out. */
export interface Episode {
  startMin: number;
  rampInMin: number;
  holdMin: number;
  rampOutMin: number;
}

/** How far into the episode the physiology is pulled towards its target (0..1). */
export function episodeWeight(ep: Episode, minute: number): number {
  const x = minute - ep.startMin;
  if (x <= 0) return 0;
  if (x < ep.rampInMin) return x / ep.rampInMin;
  if (x <= ep.rampInMin + ep.holdMin) return 1;
  const y = x - ep.rampInMin - ep.holdMin;
  return y < ep.rampOutMin ? 1 - y / ep.rampOutMin : 0;
}

export interface ScenarioEffects {
  name: ScenarioName;
  /** hypertensive_responder: the response is raised so that the peak reaches these values. */
  hypertensivePeak?: { sbp: number; dbp: number };
  /** vasovagal: HR and BP pulled down to these values during the episode. */
  vasovagal?: Episode & { hr: number; sbp: number; dbp: number };
  /** desaturation: SpO2 and RR pulled down (hypoventilation) during the episode. */
  desaturation?: Episode & { spo2: number; rr: number };
  /** sensor_disconnect: the oximeter probe is off for this long (no HR/SpO2 at all). */
  disconnect?: { startMin: number; durationMin: number };
  /** nurse_behind: BP is taken by hand and the nurse falls behind the schedule. */
  nurseBehind?: boolean;
}

export interface SessionTiming {
  preInfusionMin: number;
  infusionMin: number;
  recoveryMin: number;
}

export function drawScenarioEffects(rng: Random, name: ScenarioName, timing: SessionTiming): ScenarioEffects {
  const infStart = timing.preInfusionMin;
  switch (name) {
    case "typical":
      return { name };
    case "hypertensive_responder":
      return {
        name,
        hypertensivePeak: { sbp: round1(rng.between(188, 206)), dbp: round1(rng.between(106, 118)) },
      };
    case "vasovagal": {
      // During the infusion or early recovery; a few minutes of bradycardia and hypotension.
      const startMin = round1(infStart + rng.between(12, timing.infusionMin + 10));
      return {
        name,
        vasovagal: {
          startMin,
          rampInMin: round1(rng.between(0.5, 1)),
          holdMin: round1(rng.between(2, 4)),
          rampOutMin: round1(rng.between(1.5, 3)),
          hr: round1(rng.between(36, 45)),
          sbp: round1(rng.between(68, 82)),
          dbp: round1(rng.between(38, 48)),
        },
      };
    }
    case "desaturation": {
      const startMin = round1(infStart + rng.between(15, timing.infusionMin - 4));
      return {
        name,
        desaturation: {
          startMin,
          rampInMin: round1(rng.between(0.7, 1.5)),
          holdMin: round1(rng.between(1, 2.5)),
          rampOutMin: round1(rng.between(1, 2)),
          spo2: round1(rng.between(79, 85)),
          rr: round1(rng.between(5, 7)),
        },
      };
    }
    case "sensor_disconnect":
      return {
        name,
        disconnect: {
          startMin: round1(infStart + rng.between(8, timing.infusionMin - 8)),
          durationMin: round1(rng.between(2, 5)),
        },
      };
    case "nurse_behind":
      return { name, nurseBehind: true };
  }
}
