import { type Phase, phaseLabels } from "../../schemas/session.ts";
import { vitalParameters } from "../../schemas/vitals.ts";
import { clearAlert } from "./alerts.ts";
import type { ThresholdProfile } from "./profile.ts";
import type { EngineState } from "./state.ts";
import type { AlertEvent, Millis } from "./types.ts";

/** Fixes the baseline: per parameter, the mean of the kept (last N) pre-infusion readings. */
function fixBaseline(state: EngineState, t: Millis): void {
  for (const parameter of vitalParameters) {
    const samples = state.preInfusion[parameter] ?? [];
    if (samples.length > 0) {
      state.baseline[parameter] = samples.reduce((sum, s) => sum + s.v, 0) / samples.length;
    }
  }
  state.baselineFixedAt = t;
}

/**
 * A phase change restarts the BP due clock (so an open overdue alert clears: the next BP is due
 * relative to the new phase start), starts or ends the stale-stream watch, and fixes the baseline
 * on the first entry into `infusing`.
 */
export function applyPhase(
  state: EngineState,
  t: Millis,
  to: Phase,
  profile: ThresholdProfile,
  events: AlertEvent[],
): void {
  const from = state.phase;
  if (to === from) return;
  state.phase = to;
  state.phaseStartedAt = t;
  if (to === "infusing" && state.baselineFixedAt === null) fixBaseline(state, t);
  if (!profile.evaluatePhases.includes(to)) state.persistence = {};

  const label = phaseLabels[to].toLowerCase();
  const dueIn = profile.overdue.intervalMinutes[to];
  const overdueMessage =
    dueIn === undefined ? `No BP due while ${label}` : `Phase ${label}: next BP due in ${dueIn} min`;
  clearAlert(state, t, "overdue", overdueMessage, events, null);

  const watchedBefore = profile.stale.phases.includes(from);
  if (!profile.stale.phases.includes(to)) {
    state.staleWatchSince = null;
    clearAlert(state, t, "stale", `Monitor stream not watched while ${label}`, events, null);
  } else if (!watchedBefore) {
    state.staleWatchSince = t;
  }
}
