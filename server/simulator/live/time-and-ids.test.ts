import { describe, expect, it } from "vitest";
import { idSchema } from "../../../shared/schemas/common.ts";
import { lineId } from "./line-id.ts";
import { TimeMap } from "./time-map.ts";

describe("TimeMap", () => {
  const sim0 = Date.UTC(2026, 0, 5, 9);
  const wall0 = Date.UTC(2026, 10, 22, 20);

  it("runs simulated time X times faster than the wall clock from the session's start", () => {
    const map = new TimeMap(sim0, wall0, 10);
    expect(map.simAt(wall0)).toBe(sim0);
    expect(map.simAt(wall0 + 60_000)).toBe(sim0 + 600_000);
    expect(map.wallAt(sim0 + 110 * 60_000)).toBe(wall0 + 11 * 60_000);
  });

  it("round-trips, and at speed 1 is a plain shift", () => {
    const map = new TimeMap(sim0, wall0, 1);
    expect(map.wallAt(sim0 + 1234)).toBe(wall0 + 1234);
    const fast = new TimeMap(sim0, wall0, 600);
    expect(fast.wallAt(fast.simAt(wall0 + 5000))).toBe(wall0 + 5000);
  });
});

describe("lineId", () => {
  const session = "3f2b8c1e-9a4d-4c7e-8b1a-2d5e6f7a8b9c";
  const line = {
    t: "2026-01-05T09:01:00.000Z",
    kind: "vitals",
    source: "monitor",
    hr: 80,
    spo2: 97,
  } as const;

  it("is a valid UUID, the same for the same session and line", () => {
    expect(idSchema.safeParse(lineId(session, line)).success).toBe(true);
    expect(lineId(session, line)).toBe(lineId(session, { ...line }));
  });

  it("differs for another line or another session", () => {
    expect(lineId(session, { ...line, hr: 81 })).not.toBe(lineId(session, line));
    expect(lineId(crypto.randomUUID(), line)).not.toBe(lineId(session, line));
  });
});
