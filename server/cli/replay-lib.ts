import { defaultProfile, parseProfile, type ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import {
  addSummaries,
  type BurdenSummary,
  emptySummary,
  replaySession,
  summarizeEvents,
} from "../../shared/clinical/engine/replay.ts";
import { parseReplayText, type ReplayLine, toEventLine } from "../../shared/clinical/engine/replay-format.ts";

/** `npm run replay` without the process: arguments in, lines out, exit code back (0 ok, 1 bad input, 2 usage). */

export interface ReplayIo {
  readFile(path: string): string;
  /** Names (not paths) of the entries of a directory. */
  listDir(path: string): string[];
  joinPath(dir: string, name: string): string;
  out(line: string): void;
  err(line: string): void;
}

export const usage = [
  "usage: npm run replay -- FILE [--profile PROFILE.json]",
  "       npm run replay -- --summary DIR [--profile PROFILE.json]",
].join("\n");

type Args = { mode: "file" | "summary"; target: string; profile?: string };

function parseArgs(argv: readonly string[]): Args | string {
  let profile: string | undefined;
  let summary: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if (name === "--profile" || name === "--summary") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") return `option ${name} needs a value`;
      if (name === "--profile") profile = value;
      else summary = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      return `unknown option ${name}`;
    } else {
      positional.push(arg);
    }
  }
  if (summary !== undefined && positional.length > 0) return "give either FILE or --summary DIR, not both";
  if (summary === undefined && positional.length !== 1) return "give exactly one FILE";
  const target = summary ?? positional[0]!;
  const mode = summary === undefined ? "file" : "summary";
  return profile === undefined ? { mode, target } : { mode, target, profile };
}

export function loadProfile(path: string | undefined, io: Pick<ReplayIo, "readFile">): ThresholdProfile {
  if (path === undefined) return defaultProfile;
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new Error(`cannot read profile ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`profile ${path} is not valid JSON`);
  }
  try {
    return parseProfile(json);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** Reads and validates one recording; reports each invalid line on stderr. */
function loadSession(path: string, io: ReplayIo): ReplayLine[] | null {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    io.err(`replay: cannot read ${path}: ${(error as Error).message}`);
    return null;
  }
  const parsed = parseReplayText(text);
  if (parsed.ok) return parsed.lines;
  for (const e of parsed.errors) io.err(`replay: ${path}:${e.line}: ${e.message}`);
  return null;
}

function summaryLine(head: Record<string, unknown>, s: BurdenSummary): string {
  return JSON.stringify({ ...head, ...s });
}

export function runReplayCli(argv: readonly string[], io: ReplayIo): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(usage);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`replay: ${args}\n${usage}`);
    return 2;
  }
  let profile: ThresholdProfile;
  try {
    profile = loadProfile(args.profile, io);
  } catch (error) {
    io.err(`replay: ${(error as Error).message}`);
    return 1;
  }
  if (args.mode === "file") {
    const lines = loadSession(args.target, io);
    if (!lines) return 1;
    for (const event of replaySession(lines, profile).events) io.out(JSON.stringify(toEventLine(event)));
    return 0;
  }
  let names: string[];
  try {
    names = io.listDir(args.target).filter((n) => n.endsWith(".jsonl"));
  } catch (error) {
    io.err(`replay: cannot read directory ${args.target}: ${(error as Error).message}`);
    return 1;
  }
  if (names.length === 0) {
    io.err(`replay: no .jsonl recordings in ${args.target}`);
    return 1;
  }
  // All or nothing: a burden report over a folder with a broken recording would mislead.
  const sessions = names
    .sort()
    .map((name) => ({ name, lines: loadSession(io.joinPath(args.target, name), io) }));
  if (sessions.some((s) => s.lines === null)) return 1;
  const out: string[] = [];
  let total = emptySummary();
  for (const { name, lines } of sessions) {
    const summary = summarizeEvents(replaySession(lines!, profile).events);
    total = addSummaries(total, summary);
    out.push(summaryLine({ scope: "file", file: name }, summary));
  }
  out.push(summaryLine({ scope: "total", files: sessions.length }, total));
  for (const line of out) io.out(line);
  return 0;
}
