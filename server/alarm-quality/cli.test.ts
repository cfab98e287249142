import { describe, expect, it } from "vitest";
import { episodesOf, parseAlarmQualityArgs } from "./cli.ts";

describe("parseAlarmQualityArgs", () => {
  it.each([
    [["dir"], { dir: "dir", json: false }],
    [["dir", "--json"], { dir: "dir", json: true }],
    [["--profile", "p.json", "dir"], { dir: "dir", json: false, profile: "p.json" }],
    [["dir", "--profile=p.json"], { dir: "dir", json: false, profile: "p.json" }],
  ])("reads %j", (argv, expected) => {
    expect(parseAlarmQualityArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /missing DIR/],
    [["a", "b"], /exactly one DIR/],
    [["dir", "--profile"], /--profile needs a value/],
    [["dir", "--fast"], /unknown option --fast/],
  ])("refuses %j", (argv, message) => {
    expect(parseAlarmQualityArgs(argv)).toMatch(message);
  });
});

describe("episodesOf", () => {
  it("reads the labels of a cohort labels file", () => {
    const doc = {
      labels: [{ kind: "spo2_low", start: "2026-01-05T09:30:00.000Z", end: "2026-01-05T09:31:00.000Z" }],
    };
    expect(episodesOf(doc)).toEqual([
      {
        kind: "spo2_low",
        startMs: Date.parse("2026-01-05T09:30:00Z"),
        endMs: Date.parse("2026-01-05T09:31:00Z"),
      },
    ]);
  });

  it.each([[{}], [{ labels: [{ kind: "bogus", start: "x", end: "y" }] }]])("refuses %j", (doc) => {
    expect(() => episodesOf(doc)).toThrow();
  });
});
