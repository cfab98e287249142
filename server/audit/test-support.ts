import type { ChainedFields } from "./chain.ts";

/** The fields of the seq-th row of a sample chain (tests): a reading recorded a minute after the last. */
export function sampleAuditFields(seq: number): ChainedFields {
  return {
    seq,
    at: new Date(Date.UTC(2025, 0, 1, 9, seq)).toISOString(),
    actorId: null,
    actorName: "Nurse",
    action: "vitals:recorded",
    entity: "vitals_reading",
    entityId: `r${seq}`,
    sessionId: null,
    before: null,
    after: { sbp: 120 + seq, nested: { b: 1, a: [1, 2] } },
  };
}
