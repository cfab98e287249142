import { mib } from "./load-summary.ts";
import type { ServerChild } from "./spawn-server.ts";

export interface PeakMemory {
  rssMiB: number;
  heapUsedMiB: number;
  samples: number;
}

/** Samples a server child's memory while a load runs (every call to sample()); keeps the peaks. */
export function memoryPeaks(child: ServerChild) {
  let rss = 0;
  let heap = 0;
  let samples = 0;
  return {
    sample() {
      void child.memory().then((m) => {
        rss = Math.max(rss, m.rssBytes);
        heap = Math.max(heap, m.heapUsedBytes);
        samples++;
      });
    },
    peak: (): PeakMemory => ({ rssMiB: mib(rss), heapUsedMiB: mib(heap), samples }),
  };
}

/** One sample now, e.g. of a server that is set up but idle. */
export async function memoryNow(child: ServerChild): Promise<{ rssMiB: number; heapUsedMiB: number }> {
  const m = await child.memory();
  return { rssMiB: mib(m.rssBytes), heapUsedMiB: mib(m.heapUsedBytes) };
}

export interface MemoryFigures {
  vigil: PeakMemory;
  relay: PeakMemory;
  /** Both servers set up (database seeded) before any chair connected. */
  idle: { vigil: { rssMiB: number; heapUsedMiB: number }; relay: { rssMiB: number; heapUsedMiB: number } };
}

/** Server memory at 500 streaming chairs, left by the alert-latency run for the footprint section. */
export const memoryAt500: { figures?: MemoryFigures } = {};
