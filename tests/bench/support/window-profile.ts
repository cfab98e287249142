import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

/**
 * Runs `work` under V8's CPU profiler when BENCH_CPU_PROF names a directory, and writes what it recorded
 * there as `<name>.cpuprofile` (open it in Chrome's DevTools): only the measured window, not the set-up,
 * the warm-up or the baseline around it.
 */
export async function profiledWindow<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.error(`bench: CPU profile of the measured window written to ${file}`);
    session.disconnect();
  }
}
