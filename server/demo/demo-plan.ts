import type { SessionConfigInput } from "../simulator/model/config.ts";
import { planSession, type SessionPlan } from "../simulator/model/plan.ts";
import type { ScenarioName } from "../simulator/model/scenarios.ts";

/**
 * The demo clinic's chairs: each runs a simulated session that is already `minutesIn` minutes old when
 * Vigil starts (its history is seeded), staggered so a newcomer sees every phase and alerts within the
 * first minutes. Sessions: 10 min pre-infusion, 40 min infusing, 60 min recovery.
 */
export interface DemoChair {
  chair: string;
  scenario: ScenarioName;
  seed: number;
  /** How far into its session the chair is at start-up (minutes), or a function of its plan. */
  minutesIn: number | ((plan: SessionPlan) => number);
}

/** HR/SpO2 samples per second of the demo monitors (one every 2 s keeps the demo light). */
export const DEMO_RATE_HZ = 0.5;

export const demoChairs: readonly DemoChair[] = [
  // Pre-infusion: baseline readings; the infusion starts about 3 minutes after start-up.
  { chair: "1", scenario: "typical", seed: 4111, minutesIn: 7 },
  // Infusing near its peak: a hypertensive responder, high BP alerts.
  { chair: "2", scenario: "hypertensive_responder", seed: 4102, minutesIn: 40 },
  // Infusing: a desaturation episode begins about 2 minutes after start-up (SpO2 and RR alerts).
  {
    chair: "3",
    scenario: "desaturation",
    seed: 4103,
    minutesIn: (plan) => (plan.physiology.scenario.desaturation?.startMin ?? 30) - 2,
  },
  // Recovery, BP coming back down.
  { chair: "4", scenario: "typical", seed: 4104, minutesIn: 75 },
  // Late recovery with a nurse behind on manual BP: discharged after ~5 min, then a new patient sits down.
  { chair: "5", scenario: "nurse_behind", seed: 4105, minutesIn: 105 },
];

export function demoSessionConfig(chair: DemoChair, startMs: number): SessionConfigInput {
  return {
    seed: chair.seed,
    scenario: chair.scenario,
    start: new Date(startMs).toISOString(),
    monitor: { rateHz: DEMO_RATE_HZ },
  };
}

/** Minutes into its session the chair is at start-up. */
export function demoMinutesIn(chair: DemoChair): number {
  if (typeof chair.minutesIn === "number") return chair.minutesIn;
  return chair.minutesIn(planSession(demoSessionConfig(chair, 0)));
}
