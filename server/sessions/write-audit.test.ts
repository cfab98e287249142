import { describe, expect, it } from "vitest";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";
import { auditedReading } from "./write-audit.ts";

const reading: VitalsReading = {
  id: "6861407a-8760-4195-815f-a1c7b1b7a865",
  sessionId: "4ffd6dda-a292-44c7-a227-2ccaf688c494",
  observedAt: "2026-11-23T03:07:47.954Z",
  recordedAt: "2026-11-23T03:07:47.960Z",
  source: "monitor",
  sbp: null,
  dbp: null,
  map: null,
  hr: 70,
  spo2: 97,
  rr: 14,
  recordedBy: { id: "868a6fff-7555-4bd4-bac5-d0f44b01853d", displayName: "Nurse Alex Morgan", role: "nurse" },
  status: "final",
  supersedes: null,
  enteredInError: null,
};

describe("a reading's audit value", () => {
  it("keeps what was measured, when and how; the row's own columns say who, which and when recorded", () => {
    expect(auditedReading(reading)).toEqual({
      observedAt: "2026-11-23T03:07:47.954Z",
      source: "monitor",
      hr: 70,
      spo2: 97,
      rr: 14,
    });
  });

  it("keeps a correction's link to the reading it supersedes, and a status other than final", () => {
    const correction = {
      ...reading,
      sbp: 142,
      dbp: 88,
      map: 106,
      supersedes: "0b8e2f55-1d0c-4a53-9a3e-2f1f8b1d4c11",
    };
    expect(auditedReading(correction)).toMatchObject({
      sbp: 142,
      dbp: 88,
      map: 106,
      supersedes: "0b8e2f55-1d0c-4a53-9a3e-2f1f8b1d4c11",
    });
    expect(auditedReading({ ...reading, status: "entered_in_error" })).toMatchObject({
      status: "entered_in_error",
    });
  });
});
