import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runAlarmQualityCli } from "../alarm-quality/cli.ts";

/**
 * Alarm quality of a simulated cohort (issue 4):
 *   npm run -s alarm-quality -- DIR [--profile PROFILE.json] [--json]
 * DIR is what `npm run simulate -- --cohort N --seed S --out DIR` writes. Tables (or JSON) on stdout,
 * progress and problems on stderr; exit 0 ok, 1 bad input, 2 bad options.
 */
process.exitCode = runAlarmQualityCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  listDir: (path) => readdirSync(path),
  joinPath: join,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
