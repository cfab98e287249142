import type { Bench, BenchSection } from "./bench-result.ts";
import { measurePair, type PairedLevel, startServers, type Timing } from "./support/paired-run.ts";
import { memoryAt500 } from "./support/server-memory.ts";

/**
 * Alert latency: a chair's device socket emits a limit-crossing reading (SBP 205: the default profile
 * raises "high" on one reading ≥ 200) → the physician's socket hears alert:changed "raised". Measured at
 * 100, 500 and 2,000 streaming chairs, beside a raw Socket.IO relay fed the same way.
 * Env: BENCH_LEVELS=100,500 BENCH_MEASURE_S=20 BENCH_ROUNDS=3 BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432 (a fresh
 * database is created there and dropped; default: PGlite in a temporary data directory).
 */
const levels = (process.env.BENCH_LEVELS ?? "100,500,2000").split(",").map(Number);
const timing: Timing = {
  warmupMs: 5_000,
  measureMs: Number(process.env.BENCH_MEASURE_S ?? 20) * 1000,
  drainMs: 30_000,
  // Up to this many per level (at 100 chairs only 100 exist): a p99 of 300 is its 3rd worst, of 100 its 2nd.
  crossings: 300,
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
};
const log = (line: string) => console.error(line);

async function run(): Promise<BenchSection> {
  const maxChairs = Math.max(...levels);
  const started = performance.now();
  const servers = await startServers(maxChairs, process.env.BENCH_POSTGRES_URL);
  log(`  servers ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${servers.database})`);
  const results: PairedLevel[] = [];
  try {
    // Every crossing uses a chair that never crossed: the first chairs of the next level up.
    let next = 0;
    for (const chairs of levels) {
      const fresh = () => {
        if (next >= chairs) throw new Error(`${chairs} chairs leave too few that never crossed`);
        return next++;
      };
      const crossings = Math.min(timing.crossings, chairs - next);
      const level = await measurePair(servers, chairs, fresh, { ...timing, crossings }, log);
      results.push(level);
      if (chairs === 500) memoryAt500.figures = { ...level.memory, idle: servers.idle };
    }
  } finally {
    await servers.stop();
  }

  const at500 = results.find((r) => r.chairs === 500);
  const notes = [
    `Database: ${servers.database}, fresh; sessions stay in pre-infusion (evaluated, no stale/overdue timers).`,
    "Each chair: one device socket (websocket), HR/SpO2 at 1 Hz with jittered start, BP every 3 min; a chair skips its tick while its previous reading is unacknowledged (counted as skipped); crossing readings are always sent.",
    `Per level: ${timing.measureMs / 1000} s measured and up to ${timing.crossings} crossings (SBP 205, each on a chair that never crossed: 100 at 100 chairs), shared out over ${timing.rounds} rounds in which Vigil and the relay take turns (V R, R V, ...; each round ${timing.warmupMs / 1000} s warm-up, drain ≤ ${timing.drainMs / 1000} s), each side's rounds pooled: the machine's speed drifts from minute to minute.`,
    "Vigil's alert latency is to the first alarm the physician hears: the provisional alarm the node computes as the reading arrives (before commit), or the committed alert if it comes first; committedAlert is the time to the committed alert, and every crossing must reach it too.",
    "Servers run in child processes; the load generator (all chairs + physician) is this process. clientLoopDelayP99Ms shows its own lag.",
  ];
  for (const r of results) {
    if (r.vigil.readings.ackedPerSecond < 0.95 * r.chairs) {
      notes.push(
        `At ${r.chairs} chairs Vigil acknowledged ${r.vigil.readings.ackedPerSecond} readings/s, below the 1 Hz per chair offered.`,
      );
    }
  }
  return {
    name: "alert-latency",
    results: { database: servers.database, idleMemory: servers.idle, levels: results },
    targets: at500
      ? [
          {
            goal: "Vigil alert p99 ≤ 2× raw Socket.IO relay p99 at 500 chairs",
            measured: `${at500.vigil.alert.p99Ms} ms vs ${at500.relay.alert.p99Ms} ms (${at500.ratio.p99}×)`,
            met:
              at500.ratio.p99 <= 2 &&
              at500.vigil.alert.missed === 0 &&
              at500.vigil.committedAlert?.missed === 0,
          },
        ]
      : [],
    notes,
  };
}

const bench: Bench = { name: "alert-latency", run };
export default bench;
