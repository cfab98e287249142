import { describe, expect, it } from "vitest";
import { fromJsonRow, type JsonRow } from "./json-rows.ts";

interface Row {
  id: string;
  count: number;
  at: Date;
  endedAt: Date | null;
}

describe("rows read back from json_agg", () => {
  it("turns the named timestamp columns back into Dates and leaves the rest as they came", () => {
    const json: JsonRow<Row, "at" | "endedAt"> = {
      id: "a",
      count: 3,
      // PostgreSQL writes a timestamptz in JSON with microseconds and the session's offset.
      at: "2026-11-23T17:30:00.123456+01:00",
      endedAt: null,
    };
    expect(fromJsonRow<Row, "at" | "endedAt">(json, ["at", "endedAt"])).toEqual({
      id: "a",
      count: 3,
      at: new Date("2026-11-23T16:30:00.123Z"),
      endedAt: null,
    });
  });

  it("keeps the millisecond as the driver does: the microseconds are cut, not rounded", () => {
    const row = fromJsonRow<Row, "at" | "endedAt">(
      { id: "b", count: 0, at: "2026-11-23T00:00:00.999999+00:00", endedAt: "2026-11-23T00:00:01+00:00" },
      ["at", "endedAt"],
    );
    expect(row.at.toISOString()).toBe("2026-11-23T00:00:00.999Z");
    expect(row.endedAt?.toISOString()).toBe("2026-11-23T00:00:01.000Z");
  });

  it("does not change the row it was given", () => {
    const json: JsonRow<Row, "at" | "endedAt"> = {
      id: "c",
      count: 1,
      at: "2026-11-23T00:00:00Z",
      endedAt: null,
    };
    fromJsonRow<Row, "at" | "endedAt">(json, ["at", "endedAt"]);
    expect(json.at).toBe("2026-11-23T00:00:00Z");
  });
});
