import { describe, expect, it } from "vitest";
import { type CohortCliIo, parseCohortArgs, runCohortCli } from "./cohort-cli.ts";
import { simReplayLineSchema } from "./replay-line.ts";

function memoryIo() {
  const files = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CohortCliIo = {
    mkdir: () => {},
    writeFile: (path, text) => files.set(path, text),
    joinPath: (dir, name) => `${dir}/${name}`,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, files, out, err };
}

describe("simulate-cohort options", () => {
  it.each([
    [[], /missing --cohort/],
    [["--cohort", "5", "--seed", "1"], /missing --out/],
    [["--cohort", "0", "--seed", "1", "--out", "d"], /--cohort must be a whole number/],
    [["--cohort", "2.5", "--seed", "1", "--out", "d"], /--cohort must be a whole number/],
    [["--cohort", "5", "--seed", "-3", "--out", "d"], /--seed must be a whole number/],
    [["--cohort", "5", "--seed", "1", "--out", "d", "--scenario", "panic"], /valid scenarios: typical, /],
    [["--cohort", "5", "--seed", "1", "--out", "d", "--rate-hz", "0"], /--rate-hz/],
    [["--cohort", "5", "--seed", "1", "--out", "d", "--chairs", "3"], /unknown option --chairs/],
    [["--cohort", "--seed", "1"], /--cohort needs a value/],
    [["--cohort", "5", "--cohort", "6", "--seed", "1", "--out", "d"], /given twice/],
  ])("rejects %j", (argv, message) => {
    const result = parseCohortArgs(argv);
    expect(typeof result).toBe("string");
    expect(result).toMatch(message);
  });

  it("accepts the documented options, also as --name=value", () => {
    expect(
      parseCohortArgs(["--cohort=3", "--seed", "42", "--out", "dir", "--scenario", "vasovagal"]),
    ).toEqual({
      sessions: 3,
      seed: 42,
      out: "dir",
      scenario: "vasovagal",
    });
  });

  it("exits 2 with the usage on bad options and writes nothing", () => {
    const { io, files, err } = memoryIo();
    expect(runCohortCli(["--cohort", "x"], io)).toBe(2);
    expect(err.join("\n")).toMatch(/usage: simulate-cohort/);
    expect(files.size).toBe(0);
  });

  it("writes one replay file and one labels file per session, and the cohort summary", () => {
    const { io, files, out } = memoryIo();
    expect(runCohortCli(["--cohort", "2", "--seed", "5", "--out", "d", "--rate-hz", "0.2"], io)).toBe(0);
    expect([...files.keys()].sort()).toEqual([
      "d/cohort.json",
      "d/session-0001.jsonl",
      "d/session-0001.labels.json",
      "d/session-0002.jsonl",
      "d/session-0002.labels.json",
    ]);
    const lines = files.get("d/session-0002.jsonl")!.trim().split("\n");
    expect(lines.every((l) => simReplayLineSchema.safeParse(JSON.parse(l)).success)).toBe(true);
    const summary = JSON.parse(files.get("d/cohort.json")!);
    expect(summary.sessions).toBe(2);
    expect(summary.calibration.published.peakSbpRise.mean).toBe(16);
    expect(out[0]).toMatch(/wrote 2 sessions/);
  });
});
