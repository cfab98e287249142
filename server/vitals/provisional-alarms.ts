import { step } from "../../shared/clinical/engine/step.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import type { ProvisionalAlarm } from "../../shared/events.ts";
import { vitalParameters } from "../../shared/schemas/vitals.ts";
import type { EngineCache } from "./engine-cache.ts";
import type { PreStepped } from "./pre-stepped.ts";
import type { ReadingJob } from "./reading-job.ts";

/**
 * The alarms a reading raises, computed the moment it arrives from this node's copy of its session's engine
 * (the state as of the last batch this node committed), so the physician hears them before the reading's
 * transaction commits. They are not the record: the batch steps the committed state and publishes the
 * alerts it records, then settles these. A node without a copy (first reading, another node's chair)
 * computes none and the committed alert is the first word. Clearing and escalation never come from here.
 */
export function provisionalAlarms(
  cache: EngineCache,
  job: ReadingJob,
): { alarms: ProvisionalAlarm[]; stepped?: PreStepped } {
  const found =
    "sessionId" in job.target
      ? { sessionId: job.target.sessionId, engine: cache.get(job.target.sessionId) }
      : cache.inChair(job.target.chair);
  if (!found?.engine) return { alarms: [] };
  const { input } = job;
  const observedAt = Date.parse(input.observedAt);
  if (!Number.isFinite(observedAt)) return { alarms: [] };
  const engineInput: Extract<EngineInput, { kind: "vitals" }> = {
    kind: "vitals",
    t: observedAt,
    source: input.source ?? "manual",
  };
  for (const p of vitalParameters) if (input[p] !== undefined && input[p] !== null) engineInput[p] = input[p];
  const { state, profileKey, profile } = found.engine;
  const result = step(state, engineInput, profile);
  const stepped = { sessionId: found.sessionId, from: state, profileKey, input: engineInput, result };
  const alarms = result.events.flatMap((e): ProvisionalAlarm[] =>
    e.event === "raised" || e.event === "upgraded"
      ? [
          {
            sessionId: found.sessionId,
            chair: found.engine!.chair,
            readingId: input.id.toLowerCase(),
            event: e.event,
            parameter: e.parameter,
            priority: e.priority,
            message: e.message,
            value: e.value,
            observedAt: new Date(observedAt).toISOString(),
          },
        ]
      : [],
  );
  return { alarms, stepped };
}
