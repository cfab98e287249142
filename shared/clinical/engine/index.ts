/**
 * The clinical alert engine (issue 3): pure functions, no I/O, no clock. Times are epoch
 * milliseconds carried by the inputs. Used by the server (live sessions and the timer scheduler),
 * the replay command and the client (preview before submit).
 */
export { type LevelMatch, matchLevel, matchObservation } from "./levels.ts";
export {
  defaultProfile,
  type LevelRule,
  parseProfile,
  type ThresholdProfile,
  thresholdProfileSchema,
} from "./profile.ts";
export {
  addSummaries,
  type BurdenSummary,
  emptySummary,
  replaySession,
  summarizeEvents,
} from "./replay.ts";
export {
  parseReplayText,
  type ReplayEventLine,
  type ReplayLine,
  replayEventLineSchema,
  replayLineSchema,
  toEngineInput,
  toEventLine,
} from "./replay-format.ts";
export { type EngineState, engineStateSchema, initialState, type OpenAlert, parseState } from "./state.ts";
export { advanceTo, type PreviewAlert, previewVitals, step } from "./step.ts";
export { type DueTimer, dueTimers, nextDueAt } from "./timers.ts";
export type { AlertEvent, AlertEventKind, EngineInput, Millis, StepResult, VitalValues } from "./types.ts";
