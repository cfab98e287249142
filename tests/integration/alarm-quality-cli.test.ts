import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** `npm run simulate -- --cohort` then `npm run alarm-quality` as child processes, on a small cohort. */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const root = mkdtempSync(join(tmpdir(), "vigil-alarm-quality-"));
const cohort = join(root, "cohort");
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const made = await run("server/cli/simulate.ts", [
    "--cohort",
    "3",
    "--seed",
    "21",
    "--out",
    cohort,
    "--scenario",
    "desaturation",
    "--rate-hz",
    "0.2",
  ]);
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  expect(made.stdout).toMatch(/wrote 3 sessions/);
});

describe("alarm-quality CLI", () => {
  it("scores the engine's alerts against the cohort's labels (JSON)", async () => {
    const result = await run("server/cli/alarm-quality.ts", [cohort, "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.sessions).toBe(3);
    const spo2 = report.byParameter.find(
      (r: { key: string; level: string }) => r.key === "spo2" && r.level === "high",
    );
    expect(spo2).toMatchObject({ episodes: 3, caught: 3, sensitivity: 1 });
    expect(spo2.ppv).toBeGreaterThan(0);
    expect(spo2.latencyMedianSec).toBeGreaterThanOrEqual(-120);
    const rrLow = report.byLabel.filter((r: { key: string }) => r.key === "rr_low");
    expect(rrLow.map((r: { episodes: number }) => r.episodes)).toEqual([3, 3, 3]);
  });

  it("prints a table per parameter and level", async () => {
    const result = await run("server/cli/alarm-quality.ts", [cohort]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Alarm quality of 3 sessions/);
    expect(result.stdout).toMatch(/^spo2\s+≥ high\s+[\d.]+\s+\d+\s+[\d.]+ %\s+3\s+3\s+100\.0 %/m);
  });

  it.each([
    [[], 2, /missing DIR/],
    [["--bogus", "x"], 2, /unknown option --bogus/],
    [[join(root, "nowhere")], 1, /alarm-quality: ENOENT|no such file/],
  ])("exits with a clear message for %j", async (args, code, message) => {
    const result = await run("server/cli/alarm-quality.ts", args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
