import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase } from "../support/postgres.ts";
import { runFaultScenario, type ScenarioOptions, type ScenarioResult } from "./fault-scenario.ts";

const summaryFile = path.resolve("tests/.tmp/fault-summary.json");
const summaries: Record<string, unknown> = {};
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (Object.keys(summaries).length === 0) return;
  fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
  // A run of one backend keeps the other's last figures.
  const previous = fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, "utf8")) : {};
  fs.writeFileSync(summaryFile, `${JSON.stringify({ ...previous, ...summaries }, null, 2)}\n`);
});

const faults: ScenarioOptions["faults"] = [
  { at: 0.15, signal: "SIGKILL" },
  { at: 0.35, signal: "SIGKILL" },
  { at: 0.55, signal: "SIGTERM" },
  { at: 0.75, signal: "SIGKILL" },
];

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function summarize(backend: string, result: ScenarioResult) {
  const acked = result.records.filter((r) => r.ackStatus !== null);
  const summary = {
    backend,
    readingsStreamed: result.records.length,
    readingsAcknowledged: acked.length,
    requests: result.stats.requests,
    connectionsCut: result.stats.cut,
    requestsFailedWhileServerDown: result.stats.failed,
    retriedReadings: result.records.filter((r) => r.attempts > 1).length,
    retriesAnsweredWithStoredReading: acked.filter((r) => r.ackStatus === 200).length,
    sigkillsSurvived: result.exits.filter((e) => e.signal === "SIGKILL").length,
    gracefulShutdowns: result.exits.filter((e) => e.code === 0).length,
    storedReadings: result.report.stored,
    alerts: result.report.alerts,
    streamingSeconds: seconds(result.streamMs),
    readingsPerSecond: Math.round(result.records.length / (result.streamMs / 1000)),
    restartSeconds: result.restartMs.map(seconds),
    acksDuringRestart: result.acksDuringRestart,
    durationSeconds: seconds(result.durationMs),
  };
  summaries[backend] = summary;
  console.log(`fault test (${backend}): ${JSON.stringify(summary)}`);
  return summary;
}

function expectNothingLost(result: ScenarioResult, chairs: number, perChair: number) {
  expect(result.stats.unexpected).toEqual([]);
  // Devices retry until acknowledged, so every reading ends acknowledged.
  expect(result.records.filter((r) => r.ackStatus === null)).toHaveLength(0);
  expect(result.records).toHaveLength(chairs * perChair);
  expect(result.report.lostOrAltered).toEqual([]);
  expect(result.report.duplicates).toEqual([]);
  expect(result.report.strangers).toEqual([]);
  expect(result.report.stored).toBe(chairs * perChair);
  expect(result.report.alertMismatches).toEqual([]);
  expect(result.stats.cut).toBeGreaterThan(0);
  // The first and the last stop are clean: exit 0 with the database closed.
  for (const exit of result.exits.filter((e) => e.requested === "SIGTERM")) {
    expect(exit.code, exit.output).toBe(0);
    expect(exit.output).toContain("Database closed cleanly");
  }
  const killed = result.exits.filter((e) => e.requested === "SIGKILL");
  expect(killed.map((e) => e.signal)).toEqual(killed.map(() => "SIGKILL"));
  expect(killed.length, JSON.stringify(result.exits.map((e) => e.requested))).toBe(
    faults.filter((f) => f.signal === "SIGKILL").length,
  );
}

describe("kill and restart under load", () => {
  it("embedded PGlite: keeps every acknowledged reading once, and every alert it requires", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-fault-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const chairs = 6;
    const perChair = 400;
    const result = await runFaultScenario({
      store: { dataDir },
      chairs,
      readingsPerChair: perChair,
      faults,
      window: 3,
      cutChance: 0.05,
    });
    summarize("pglite", result);
    expect(result.lockFileAfterCleanStop).toBe(false);
    // Every SIGKILL left its lock behind, and every restart took it over as stale.
    expect(result.staleLocksTakenOver).toBe(faults.filter((f) => f.signal === "SIGKILL").length);
    expectNothingLost(result, chairs, perChair);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL: the same, smaller", async () => {
    const database = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
    cleanups.push(() => database.drop());
    const chairs = 4;
    const perChair = 300;
    const result = await runFaultScenario({
      store: { databaseUrl: database.url },
      chairs,
      readingsPerChair: perChair,
      faults,
      window: 3,
      cutChance: 0.05,
    });
    summarize("postgres", result);
    expectNothingLost(result, chairs, perChair);
  });
});
