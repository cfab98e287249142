import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** `npm run replay` as a child process: node with the tsx loader, exactly what the npm script runs. */

const root = join(import.meta.dirname, "..", "..");
const fixtures = "tests/fixtures/replay";
const strict = `${fixtures}/profiles/strict.json`;
const scratch = mkdtempSync(join(tmpdir(), "vigil-replay-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function replay(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/cli/replay.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  const lines = result.stdout.split("\n").filter((l) => l !== "");
  return { code: result.status, stdout: result.stdout, lines, stderr: result.stderr };
}

const json = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const compact = (lines: string[]) =>
  json(lines).map((e) => `${String(e.t).slice(11, 19)} ${e.event} ${e.parameter} ${e.priority}`);

describe("npm run replay -- FILE", () => {
  it("prints every alert event of a hypertensive responder, one JSON object per line", () => {
    const { code, lines, stderr } = replay(`${fixtures}/hypertensive-responder.jsonl`);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      '{"t":"2026-03-03T10:10:00.000Z","event":"raised","parameter":"sbp","priority":"medium","message":"Systolic BP 172 mmHg ≥ 165","value":172}',
    );
    expect(compact(lines)).toEqual([
      "10:10:00 raised sbp medium",
      "10:15:00 raised dbp medium",
      "10:15:00 escalated sbp medium",
      "10:20:00 upgraded sbp high",
      "10:20:00 escalated dbp medium",
      "10:25:00 raised moaas medium",
      "10:30:00 cleared sbp high",
      "10:30:00 cleared moaas medium",
      "10:35:00 cleared dbp medium",
    ]);
    expect(json(lines)[3]?.message).toBe("Systolic BP 186 mmHg ≥ 180, confirmed by 184 mmHg 5 min earlier");
  });

  it("filters a transient dip by persistence, raises a sustained desaturation at its due time, flags a stale stream", () => {
    const { code, lines } = replay(`${fixtures}/desaturation.jsonl`);
    expect(code).toBe(0);
    expect(compact(lines)).toEqual([
      "10:20:15 raised spo2 medium",
      "10:20:35 upgraded spo2 high",
      "10:21:20 cleared spo2 high",
      "10:51:00 raised stale medium",
      "10:51:30 cleared stale medium",
    ]);
  });

  it("sorts the lines by time and follows a nurse falling behind on BP", () => {
    const { code, lines } = replay(`${fixtures}/overdue-bp.jsonl`);
    expect(code).toBe(0);
    expect(compact(lines)).toEqual([
      "14:17:00 raised overdue low",
      "14:20:00 upgraded overdue medium",
      "14:21:00 cleared overdue medium",
      "14:57:00 raised overdue low",
      "15:00:00 upgraded overdue medium",
      "15:05:00 escalated overdue medium",
      "15:06:00 cleared overdue medium",
    ]);
  });

  it("stays silent on a calm session", () => {
    const { code, stdout, stderr } = replay(`${fixtures}/calm.jsonl`);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports invalid lines on stderr with their numbers, prints nothing and exits non-zero", () => {
    const file = join(scratch, "broken.jsonl");
    writeFileSync(
      file,
      [
        '{"t":"2026-03-01T10:00:00Z","kind":"phase","phase":"infusing"}',
        '{"t":"2026-03-01T10:05:00Z","kind":"vitals","sbp":"high"}',
        '{"t":"2026-03-01T10:06:00Z","kind":"vitals","sbp":210,"dbp":100}',
        "not json",
      ].join("\n"),
    );
    const { code, stdout, stderr } = replay(file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file}:2: sbp:`);
    expect(stderr).toContain(`${file}:4: not valid JSON`);
    expect(stderr).not.toContain(`${file}:3`);
  });
});

describe("npm run replay -- --summary DIR", () => {
  it("prints the alarm burden per recording, then the totals", () => {
    const { code, lines } = replay("--summary", fixtures);
    expect(code).toBe(0);
    const rows = json(lines);
    expect(rows.map((r) => r.file ?? r.scope)).toEqual([
      "calm.jsonl",
      "desaturation.jsonl",
      "hypertensive-responder.jsonl",
      "overdue-bp.jsonl",
      "total",
    ]);
    expect(rows[2]).toEqual({
      scope: "file",
      file: "hypertensive-responder.jsonl",
      alerts: 3,
      byPriority: { high: 1, medium: 2, low: 0 },
      byParameter: {
        sbp: { high: 1, medium: 0, low: 0 },
        dbp: { high: 0, medium: 1, low: 0 },
        moaas: { high: 0, medium: 1, low: 0 },
      },
      upgraded: 1,
      escalated: 2,
    });
    expect(rows[4]).toMatchObject({
      scope: "total",
      files: 4,
      alerts: 7,
      byPriority: { high: 2, medium: 5, low: 0 },
      upgraded: 4,
      escalated: 3,
    });
  });

  it("a stricter profile produces more alerts on the same recordings", () => {
    const base = json(replay("--summary", fixtures).lines);
    const { code, lines, stderr } = replay("--summary", fixtures, "--profile", strict);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const stricter = json(lines);
    expect(base[0]?.alerts).toBe(0);
    expect(stricter[0]).toMatchObject({ file: "calm.jsonl", alerts: 4, byPriority: { medium: 4 } });
    expect(stricter.at(-1)?.alerts).toBe(12);
    expect(Number(stricter.at(-1)?.alerts)).toBeGreaterThan(Number(base.at(-1)?.alerts));
  });
});

describe("profile and usage errors", () => {
  it("--profile applies to a single file", () => {
    const { code, lines } = replay(`${fixtures}/calm.jsonl`, `--profile=${strict}`);
    expect(code).toBe(0);
    expect(compact(lines).filter((l) => l.includes("raised"))).toHaveLength(4);
  });

  it("rejects an invalid profile with a clear message", () => {
    const file = join(scratch, "bad-profile.json");
    writeFileSync(file, JSON.stringify({ name: "typo", vitals: {} }));
    const { code, stdout, stderr } = replay(`${fixtures}/calm.jsonl`, "--profile", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("invalid threshold profile");
    expect(stderr).toContain("vitals.sbp");
  });

  it.each([
    [["--verbose", `${fixtures}/calm.jsonl`], "unknown option --verbose"],
    [[], "give exactly one FILE"],
    [["--profile"], "option --profile needs a value"],
  ])("exits 2 on %j", (args, message) => {
    const { code, stdout, stderr } = replay(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("usage: npm run replay");
  });
});
