import type { EngineState } from "../../shared/clinical/engine/state.ts";
import type { EngineInput, StepResult } from "../../shared/clinical/engine/types.ts";
import { vitalParameters } from "../../shared/schemas/vitals.ts";

/**
 * A reading already stepped on arrival (for its provisional alarms), from the node's cached state of its
 * session. The batch takes the result instead of stepping again when it starts from that very state object
 * (nothing committed for the session in between), under the same profile key, with the same input.
 */
export interface PreStepped {
  sessionId: string;
  from: EngineState;
  profileKey: string | null;
  input: Extract<EngineInput, { kind: "vitals" }>;
  result: StepResult<EngineState>;
}

export function sameVitalsInput(a: Extract<EngineInput, { kind: "vitals" }>, b: EngineInput): boolean {
  if (b.kind !== "vitals" || a.t !== b.t || a.source !== b.source) return false;
  return vitalParameters.every((p) => a[p] === b[p]);
}

/** The pre-stepped result, if it is exactly what stepping `state` with `input` under `profileKey` gives. */
export function reusableStep(
  pre: PreStepped | undefined,
  at: { sessionId: string; state: EngineState; profileKey: string | null; input: EngineInput },
): StepResult<EngineState> | undefined {
  if (!pre || pre.sessionId !== at.sessionId || pre.from !== at.state || pre.profileKey !== at.profileKey) {
    return undefined;
  }
  return sameVitalsInput(pre.input, at.input) ? pre.result : undefined;
}
