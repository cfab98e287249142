import { type AlertParameter, type AlertPriority, priorityRank } from "../../schemas/alert.ts";
import type { ReadingSource } from "../../schemas/vitals.ts";
import { acknowledge } from "./alerts.ts";
import { applyPhase } from "./phase.ts";
import type { ThresholdProfile } from "./profile.ts";
import { applyObservation, applyVitals } from "./readings.ts";
import { cloneState, type EngineState, initialState } from "./state.ts";
import { fireDue } from "./timers.ts";
import type { EngineInput, Millis, StepResult, VitalValues } from "./types.ts";

/**
 * The reducer. Before applying the input it fires every timer due strictly before the input's
 * time (an input at the same instant as a timer wins: a BP at exactly the overdue time prevents
 * the alert). A tick fires timers due up to and including its time. Never mutates its arguments.
 */
export function step(
  state: EngineState,
  input: EngineInput,
  profile: ThresholdProfile,
): StepResult<EngineState> {
  const next = cloneState(state);
  const events: StepResult<EngineState>["events"] = [];
  fireDue(next, input.t, false, profile, events);
  switch (input.kind) {
    case "phase":
      applyPhase(next, input.t, input.phase, profile, events);
      break;
    case "vitals":
      applyVitals(next, input.t, input.source, input, profile, events);
      break;
    case "observation":
      applyObservation(next, input.t, input, profile, events);
      break;
    case "ack":
      acknowledge(next, input.t, input.parameter, input.by, events);
      break;
    case "tick":
      fireDue(next, input.t, true, profile, events);
      break;
  }
  return { state: next, events };
}

/** Fires every timer due up to and including t, each event stamped with its due time, in order. */
export function advanceTo(state: EngineState, t: Millis, profile: ThresholdProfile): StepResult<EngineState> {
  return step(state, { kind: "tick", t }, profile);
}

export interface PreviewAlert {
  parameter: AlertParameter;
  priority: AlertPriority;
  event: "raised" | "upgraded";
  message: string;
  value: number | null;
}

/**
 * What a reading would raise or upgrade if submitted now, without changing anything: the nurse's
 * form warns before submit. Without a state (new session) only the plain limits apply.
 */
export function previewVitals(
  state: EngineState | null,
  values: VitalValues,
  t: Millis,
  profile: ThresholdProfile,
  source: ReadingSource = "manual",
): PreviewAlert[] {
  const scratch = state ? structuredClone(state) : initialState();
  const events: StepResult<EngineState>["events"] = [];
  applyVitals(scratch, t, source, values, profile, events);
  const preview: PreviewAlert[] = [];
  for (const e of events) {
    if (e.event === "raised" || e.event === "upgraded") {
      const { parameter, priority, message, value } = e;
      preview.push({ parameter, priority, event: e.event, message, value });
    }
  }
  return preview.sort((a, b) => priorityRank[b.priority] - priorityRank[a.priority]);
}
