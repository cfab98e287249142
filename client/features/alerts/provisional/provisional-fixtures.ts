import type { ProvisionalAlarm } from "../../../../shared/events.ts";
import { at, ids, nextId } from "../../../testing/fixtures.ts";

/** A valid provisional alarm (a high SpO2 from chair 3 by default): override what a test is about. */
export function makeProvisional(over: Partial<ProvisionalAlarm> = {}): ProvisionalAlarm {
  return {
    sessionId: ids.session,
    chair: "3",
    readingId: nextId(),
    event: "raised",
    parameter: "spo2",
    priority: "high",
    message: "SpO2 84 % (limit <= 88)",
    value: 84,
    observedAt: at(10),
    ...over,
  };
}
