import { freshPostgresDatabase } from "../../support/postgres.ts";
import { round } from "../bench-result.ts";
import { runChairLoad } from "./chair-load.ts";
import { type LoadSummary, summarise } from "./load-summary.ts";
import { type MemoryFigures, memoryNow, memoryPeaks, type PeakMemory } from "./server-memory.ts";
import type { ChairSeat } from "./server-protocol.ts";
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
 * `chairs` sessions: in-memory PGlite, or a new PostgreSQL database (dropped at stop) under adminUrl.
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
    database: fresh ? "postgres" : "pglite (in-memory)",
    idle: { vigil: await memoryNow(vigil), relay: await memoryNow(relay) },
    async stop() {
      await Promise.all([vigil.stop(), relay.stop()]);
      await fresh?.drop();
    },
  };
}

/**
 * One load level against Vigil, then the same against the relay: the same chairs, rate and crossing
 * schedule. Crossing chairs come from `fresh` (chairs that never crossed before), so each crossing
 * raises a new alert rather than meeting one still latched.
 */
export async function measurePair(
  servers: Servers,
  chairs: number,
  fresh: () => number,
  timing: Timing,
  log: (line: string) => void,
): Promise<PairedLevel> {
  const picks = Array.from({ length: timing.crossings }, fresh);
  const run = async (child: ServerChild, kind: "vigil" | "relay") => {
    const { ready } = child;
    const seats: ChairSeat[] = ready.seats.slice(0, chairs);
    const crossingSeats = picks.map((i) => ready.seats[i]!);
    const memory = memoryPeaks(child);
    const outcome = await runChairLoad({
      url: ready.url,
      ...(ready.apiKey ? { apiKey: ready.apiKey } : {}),
      listener: kind === "vigil" ? { kind, cookie: ready.physicianCookie! } : { kind },
      seats,
      crossingSeats,
      warmupMs: timing.warmupMs,
      measureMs: timing.measureMs,
      drainMs: timing.drainMs,
      maxInFlight: 1,
      onSample: memory.sample,
    });
    const summary = summarise(chairs, outcome);
    log(
      `  ${kind} @ ${chairs} chairs: alert p50 ${summary.alert.p50Ms} p99 ${summary.alert.p99Ms} ms, ` +
        `${summary.readings.ackedPerSecond}/s acked of ${summary.readings.offeredPerSecond}/s offered`,
    );
    return { summary, memory: memory.peak() };
  };
  const vigil = await run(servers.vigil, "vigil");
  const relay = await run(servers.relay, "relay");
  const ratio = (p: "p50Ms" | "p95Ms" | "p99Ms") => round(vigil.summary.alert[p] / relay.summary.alert[p], 1);
  return {
    chairs,
    vigil: vigil.summary,
    relay: relay.summary,
    ratio: { p50: ratio("p50Ms"), p95: ratio("p95Ms"), p99: ratio("p99Ms") },
    memory: { vigil: vigil.memory, relay: relay.memory },
  };
}
