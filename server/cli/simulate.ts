import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCohortCli } from "../simulator/cohort-cli.ts";
import { parseSimulateArgs, simulateUsage } from "../simulator/live/options.ts";
import { runLiveSimulation } from "../simulator/live/run.ts";

/**
 * npm run simulate -- --chairs N [...]        live simulated chairs against a running server
 * npm run simulate -- --cohort N --seed S --out DIR   a recorded cohort, no server (server/simulator)
 * Live: status lines and refusals on stderr, the JSON summary on stdout. Exit 0 done (refusals are
 * counted in the summary), 1 cannot connect/set up, 2 bad options. SIGTERM/SIGINT stop it cleanly.
 */
const argv = process.argv.slice(2);
const parsed = parseSimulateArgs(argv, process.env);
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

if (typeof parsed === "string") {
  err(`simulate: ${parsed}`);
  err(simulateUsage);
  process.exitCode = 2;
} else if (parsed.mode === "help") {
  out(simulateUsage);
} else if (parsed.mode === "cohort") {
  process.exitCode = runCohortCli(parsed.argv, {
    mkdir: (dir) => mkdirSync(dir, { recursive: true }),
    writeFile: (path, text) => writeFileSync(path, text),
    joinPath: join,
    out,
    err,
  });
} else {
  const stop = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
  // Spawned by the demo server with an IPC channel: stop when the server goes away.
  if (process.send) process.once("disconnect", () => stop.abort());
  process.exitCode = await runLiveSimulation(parsed, { out, err, signal: stop.signal });
  if (process.send) process.disconnect();
}
