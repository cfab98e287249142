import { freshPostgresDatabase } from "../../support/postgres.ts";
import { round } from "../bench-result.ts";
import { type LoadOutcome, runChairLoad } from "./chair-load.ts";
import { type LoadSummary, mergeOutcomes, summarise } from "./load-summary.ts";
import { type MemoryFigures, memoryNow, memoryPeaks, type PeakMemory } from "./server-memory.ts";
import { type ServerChild, spawnServer } from "./spawn-server.ts";

export interface Servers {
  vigil: ServerChild;
  relay: ServerChild;
  database: string;
  idle: MemoryFigures["idle"];
  stop(): Promise<void>;
}

export interface Timing {
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  crossings: number;
  /** Vigil and the relay take turns this many times (V R, R V, V R, ...), measureMs and crossings shared out. */
  rounds: number;
}

export interface PairedLevel {
  chairs: number;
  vigil: LoadSummary;
  relay: LoadSummary;
  /** Vigil ÷ relay, per percentile. */
  ratio: { p50: number; p95: number; p99: number };
  memory: { vigil: PeakMemory; relay: PeakMemory };
}

/**
 * Vigil and the raw relay, each in its own process, side by side. Vigil gets a fresh database with
 * `chairs` sessions: PGlite in a temporary data directory (as `npm start` keeps one in `data/`), or a new
 * PostgreSQL database (dropped at stop) under adminUrl.
 */
export async function startServers(chairs: number, postgresAdminUrl?: string): Promise<Servers> {
  const fresh = postgresAdminUrl ? await freshPostgresDatabase(postgresAdminUrl) : null;
  const env: Record<string, string> = { BENCH_CHAIRS: String(chairs), DATABASE_URL: fresh?.url ?? "" };
  const [vigil, relay] = await Promise.all([
    spawnServer("vigil-server-process.ts", env),
    spawnServer("relay-server-process.ts", env),
  ]);
  return {
    vigil,
    relay,
    database: fresh ? "postgres" : "pglite (temporary data directory)",
    idle: { vigil: await memoryNow(vigil), relay: await memoryNow(relay) },
    async stop() {
      await Promise.all([vigil.stop(), relay.stop()]);
      await fresh?.drop();
    },
  };
}

/**
 * One load level against Vigil and against the relay: the same chairs, rate and crossing schedule, in
 * rounds that take turns (V R, then R V, ...), so a machine whose speed drifts from minute to minute (seen
 * here: ±25 %) weighs on both alike; each side's rounds are pooled. Crossing chairs come from `fresh`
 * (chairs that never crossed before), so each crossing raises a new alert rather than meeting one latched.
 */
export async function measurePair(
  servers: Servers,
  chairs: number,
  fresh: () => number,
  timing: Timing,
  log: (line: string) => void,
): Promise<PairedLevel> {
  const picks = Array.from({ length: timing.crossings }, fresh);
  const rounds = Math.max(1, Math.min(timing.rounds, picks.length));
  const sides = {
    vigil: { child: servers.vigil, memory: memoryPeaks(servers.vigil), outcomes: [] as LoadOutcome[] },
    relay: { child: servers.relay, memory: memoryPeaks(servers.relay), outcomes: [] as LoadOutcome[] },
  };
  const run = async (kind: "vigil" | "relay", turn: number) => {
    const { child, memory, outcomes } = sides[kind];
    const { ready } = child;
    const crossingSeats = picks.filter((_, i) => i % rounds === turn).map((i) => ready.seats[i]!);
    outcomes.push(
      await runChairLoad({
        url: ready.url,
        ...(ready.apiKey ? { apiKey: ready.apiKey } : {}),
        listener: kind === "vigil" ? { kind, cookie: ready.physicianCookie! } : { kind },
        seats: ready.seats.slice(0, chairs),
        crossingSeats,
        warmupMs: timing.warmupMs,
        measureMs: timing.measureMs / rounds,
        drainMs: timing.drainMs,
        maxInFlight: 1,
        onSample: memory.sample,
      }),
    );
  };
  for (let turn = 0; turn < rounds; turn++) {
    const order = turn % 2 === 0 ? (["vigil", "relay"] as const) : (["relay", "vigil"] as const);
    for (const kind of order) await run(kind, turn);
  }
  const summaries = {
    vigil: summarise(chairs, mergeOutcomes(sides.vigil.outcomes)),
    relay: summarise(chairs, mergeOutcomes(sides.relay.outcomes)),
  };
  for (const kind of ["vigil", "relay"] as const) {
    const summary = summaries[kind];
    log(
      `  ${kind} @ ${chairs} chairs (${rounds} rounds): alert p50 ${summary.alert.p50Ms} p99 ${summary.alert.p99Ms} ms, ` +
        `${summary.readings.ackedPerSecond}/s acked of ${summary.readings.offeredPerSecond}/s offered`,
    );
  }
  const ratio = (p: "p50Ms" | "p95Ms" | "p99Ms") =>
    round(summaries.vigil.alert[p] / summaries.relay.alert[p], 1);
  return {
    chairs,
    vigil: summaries.vigil,
    relay: summaries.relay,
    ratio: { p50: ratio("p50Ms"), p95: ratio("p95Ms"), p99: ratio("p99Ms") },
    memory: { vigil: sides.vigil.memory.peak(), relay: sides.relay.memory.peak() },
  };
}
