import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simReplayLineSchema } from "../../server/simulator/replay-line.ts";

/** `tsx server/cli/simulate-cohort.ts` as a child process, on a small cohort in a temporary folder. */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/simulate-cohort.ts", ...args],
      { cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const root = mkdtempSync(join(tmpdir(), "vigil-cohort-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("simulate-cohort CLI", () => {
  it("writes 5 recorded sessions, their labels and the cohort summary", async () => {
    const out = join(root, "cohort");
    const result = await run([
      "--cohort",
      "5",
      "--seed",
      "11",
      "--out",
      out,
      "--scenario",
      "hypertensive_responder",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote 5 sessions/);
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      "cohort.json",
      ...[1, 2, 3, 4, 5].flatMap((i) => [`session-000${i}.jsonl`, `session-000${i}.labels.json`]),
    ]);
    for (let i = 1; i <= 5; i++) {
      const lines = readFileSync(join(out, `session-000${i}.jsonl`), "utf8")
        .trim()
        .split("\n");
      const parsed = lines.map((l) => simReplayLineSchema.safeParse(JSON.parse(l)));
      expect(parsed.filter((p) => !p.success)).toEqual([]);
      const times = lines.map((l) => Date.parse(JSON.parse(l).t));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const labels = JSON.parse(readFileSync(join(out, `session-000${i}.labels.json`), "utf8"));
      expect(labels.session).toBe(i);
      expect(labels.patient.baseline.sbp).toBeGreaterThan(0);
      expect(labels.labels.some((l: { kind: string }) => l.kind === "sbp_high")).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, "cohort.json"), "utf8"));
    expect(summary).toMatchObject({ seed: 11, sessions: 5, scenario: "hypertensive_responder" });
    expect(summary.labelCounts.sbp_high).toBe(5);
    expect(summary.calibration.published.severeShare.value).toBeCloseTo(0.0098);
  });

  it("gives the same files for the same seed", async () => {
    const a = join(root, "a");
    const b = join(root, "b");
    expect((await run(["--cohort", "2", "--seed", "3", "--out", a, "--rate-hz", "0.5"])).code).toBe(0);
    expect((await run(["--cohort", "2", "--seed", "3", "--out", b, "--rate-hz", "0.5"])).code).toBe(0);
    for (const name of readdirSync(a)) {
      expect(readFileSync(join(b, name), "utf8")).toBe(readFileSync(join(a, name), "utf8"));
    }
  });

  it.each([
    [["--cohort", "5", "--seed", "1"], /missing --out/],
    [["--cohort", "five", "--seed", "1", "--out", "x"], /--cohort must be a whole number/],
    [
      ["--cohort", "5", "--seed", "1", "--out", "x", "--scenario", "chaos"],
      /unknown scenario "chaos"; valid scenarios: typical/,
    ],
    [["--bogus"], /unknown option --bogus/],
  ])("exits 2 with a clear message for %j", async (args, message) => {
    const result = await run(args.map((a) => (a === "x" ? join(root, "never") : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expect(readdirSync(root)).not.toContain("never");
  });
});
