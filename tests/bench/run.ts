import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Bench, BenchSection } from "./bench-result.ts";

/**
 * `npm run bench [-- name ...]`: runs each benchmark in turn (each measures Vigil beside its baseline in
 * the same run) and prints one JSON summary on stdout; progress goes to stderr. Not part of `npm test`.
 */
const registry: Record<string, () => Promise<{ default: Bench }>> = {
  ingest: () => import("./ingest-throughput.ts"),
  "alert-latency": () => import("./alert-latency.ts"),
  chart: () => import("./chart-render.ts"),
  station: () => import("./station-busy.ts"),
  footprint: () => import("./footprint.ts"),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !(name in registry));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(registry).join(", ")}`);
  process.exit(2);
}

const sections: BenchSection[] = [];
for (const name of wanted.length > 0 ? wanted : Object.keys(registry)) {
  const bench = (await registry[name]!()).default;
  console.error(`bench ${name}: running`);
  const started = performance.now();
  sections.push(await bench.run());
  console.error(`bench ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const summary = {
  ranAt: new Date().toISOString(),
  machine: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  sections,
  allTargetsMet: sections.every((s) => s.targets.every((t) => t.met)),
};
const out = path.resolve("tests/.tmp/bench-summary.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
