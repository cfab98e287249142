import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runReplayCli } from "./replay-lib.ts";

/**
 * What-if replay of recorded sessions against a threshold profile (issue 3):
 *   npm run replay -- FILE [--profile PROFILE.json]       one JSON alert event per line
 *   npm run replay -- --summary DIR [--profile P.json]    alarm burden per recording, then totals
 * stdout carries only the result lines; problems go to stderr (exit 1 bad input, 2 usage).
 */
const code = runReplayCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  listDir: (path) => readdirSync(path),
  joinPath: join,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
