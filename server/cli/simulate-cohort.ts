import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCohortCli } from "../simulator/cohort-cli.ts";

/**
 * Writes a simulated cohort in the replay format (issue 4):
 *   tsx server/cli/simulate-cohort.ts --cohort N --seed S --out DIR [--scenario NAME] [--rate-hz R]
 * DIR/session-0001.jsonl (replay lines), DIR/session-0001.labels.json (ground truth and patient),
 * DIR/cohort.json (summary with the calibration figures). Exit 0 ok, 1 I/O failure, 2 bad options.
 */
process.exitCode = runCohortCli(process.argv.slice(2), {
  mkdir: (dir) => mkdirSync(dir, { recursive: true }),
  writeFile: (path, text) => writeFileSync(path, text),
  joinPath: join,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
