import type { Bench, BenchSection } from "./bench-result.ts";
import { round } from "./bench-result.ts";
import { clientBuild, initialJs } from "./support/client-bundle.ts";
import { measurePair, startServers } from "./support/paired-run.ts";
import { type MemoryFigures, memoryAt500 } from "./support/server-memory.ts";

/**
 * Footprint: the client's initial JavaScript (gzip) and the server's memory at 500 streaming chairs,
 * beside the raw Socket.IO relay's at the same load. Reuses the alert-latency run's 500-chair level
 * when it ran first in this process; otherwise runs a short 500-chair load of its own.
 */
const budgetKb = 250;
const log = (line: string) => console.error(line);

async function serverMemoryAt500(): Promise<MemoryFigures & { source: string }> {
  if (memoryAt500.figures) return { ...memoryAt500.figures, source: "alert-latency run, 500 chairs" };
  const servers = await startServers(500, process.env.BENCH_POSTGRES_URL);
  try {
    let next = 0;
    const level = await measurePair(
      servers,
      500,
      () => next++,
      { warmupMs: 3_000, measureMs: 10_000, drainMs: 30_000, crossings: 20, rounds: 1 },
      log,
    );
    return { ...level.memory, idle: servers.idle, source: "own 500-chair load, 10 s" };
  } finally {
    await servers.stop();
  }
}

async function run(): Promise<BenchSection> {
  const build = clientBuild();
  log(`  client ${build.built ? "built into" : "reused from"} ${build.outDir}`);
  const js = initialJs(build.outDir, build.built);
  const jsKb = round(js.totalGzipBytes / 1000, 1);
  const memory = await serverMemoryAt500();
  return {
    name: "footprint",
    results: {
      initialJs: { ...js, totalGzipKb: jsKb },
      serverMemoryAt500Chairs: {
        source: memory.source,
        vigil: memory.vigil,
        relay: memory.relay,
        idleBeforeLoad: memory.idle,
        rssRatio: round(memory.vigil.rssMiB / memory.relay.rssMiB, 1),
      },
    },
    targets: [
      {
        goal: `client initial JavaScript < ${budgetKb} kB gzip`,
        measured: `${jsKb} kB gzip in ${js.files.length} file(s)`,
        met: jsKb < budgetKb,
      },
    ],
    notes: [
      "Initial JS = index.html's module script + its modulepreload chunks, gzip level 9; lazy route chunks excluded.",
      "Memory = peak RSS / heap used of the server process, sampled every 2 s while 500 chairs stream at 1 Hz.",
      "With PGlite the database runs inside the Vigil process: its RSS includes the embedded PostgreSQL (see idleBeforeLoad).",
    ],
  };
}

const bench: Bench = { name: "footprint", run };
export default bench;
