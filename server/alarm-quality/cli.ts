import { defaultProfile, type ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import { replaySession } from "../../shared/clinical/engine/replay.ts";
import { parseReplayText } from "../../shared/clinical/engine/replay-format.ts";
import { loadProfile } from "../cli/replay-lib.ts";
import { labelKinds } from "../simulator/model/labels.ts";
import {
  alertOnsets,
  defaultTolerance,
  type Episode,
  emptyTally,
  finalize,
  tallySession,
} from "./metrics.ts";
import { renderReport } from "./report.ts";

/**
 * `npm run alarm-quality -- DIR [--profile PROFILE.json] [--json]` without the process: replays every
 * session-*.jsonl of a cohort through the alert engine, one file at a time, and scores the alerts
 * against the session-*.labels.json ground truth. Exit 0 ok, 1 bad input, 2 usage.
 */

export interface AlarmQualityIo {
  readFile(path: string): string;
  listDir(path: string): string[];
  joinPath(dir: string, name: string): string;
  out(line: string): void;
  err(line: string): void;
}

export const alarmQualityUsage = "usage: npm run alarm-quality -- DIR [--profile PROFILE.json] [--json]";

type Args = { dir: string; profile?: string; json: boolean };

export function parseAlarmQualityArgs(argv: readonly string[]): Args | string {
  const positional: string[] = [];
  let profile: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if (name === "--json" && inline === undefined) json = true;
    else if (name === "--profile") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "" || value.startsWith("--"))
        return "option --profile needs a value";
      if (profile !== undefined) return "option --profile given twice";
      profile = value;
    } else if (arg.startsWith("-")) return `unknown option ${name}`;
    else positional.push(arg);
  }
  if (positional.length !== 1)
    return positional.length === 0 ? "missing DIR (a cohort folder)" : "give exactly one DIR";
  return { dir: positional[0]!, json, ...(profile === undefined ? {} : { profile }) };
}

/** The labelled episodes of a labels document (kinds the scorer does not know are refused). */
export function episodesOf(doc: unknown): Episode[] {
  const labels = (doc as { labels?: unknown }).labels;
  if (!Array.isArray(labels)) throw new Error("has no labels array");
  return labels.map((l: { kind?: string; start?: string; end?: string }) => {
    const kind = labelKinds.find((k) => k === l.kind);
    const startMs = Date.parse(l.start ?? "");
    const endMs = Date.parse(l.end ?? "");
    if (!kind || Number.isNaN(startMs) || Number.isNaN(endMs))
      throw new Error(`has an invalid label ${JSON.stringify(l)}`);
    return { kind, startMs, endMs };
  });
}

export function runAlarmQualityCli(argv: readonly string[], io: AlarmQualityIo): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(alarmQualityUsage);
    return 0;
  }
  const args = parseAlarmQualityArgs(argv);
  if (typeof args === "string") {
    io.err(`alarm-quality: ${args}\n${alarmQualityUsage}`);
    return 2;
  }
  let profile: ThresholdProfile;
  let names: string[];
  try {
    profile = args.profile === undefined ? defaultProfile : loadProfile(args.profile, io);
    names = io
      .listDir(args.dir)
      .filter((n) => /^session-.*\.jsonl$/.test(n))
      .sort();
  } catch (error) {
    io.err(`alarm-quality: ${(error as Error).message}`);
    return 1;
  }
  if (names.length === 0) {
    io.err(`alarm-quality: no session-*.jsonl recordings in ${args.dir}`);
    return 1;
  }
  const tally = emptyTally();
  for (const [i, name] of names.entries()) {
    const path = io.joinPath(args.dir, name);
    const labelsPath = path.replace(/\.jsonl$/, ".labels.json");
    let episodes: Episode[];
    let text: string;
    try {
      text = io.readFile(path);
      episodes = episodesOf(JSON.parse(io.readFile(labelsPath)));
    } catch (error) {
      io.err(`alarm-quality: ${labelsPath}: ${(error as Error).message}`);
      return 1;
    }
    const parsed = parseReplayText(text);
    if (!parsed.ok) {
      for (const e of parsed.errors.slice(0, 10)) io.err(`alarm-quality: ${path}:${e.line}: ${e.message}`);
      return 1;
    }
    tallySession(tally, episodes, alertOnsets(replaySession(parsed.lines, profile).events));
    if ((i + 1) % 250 === 0) io.err(`alarm-quality: ${i + 1}/${names.length} sessions`);
  }
  const report = {
    sessions: tally.sessions,
    dir: args.dir,
    profile: args.profile ?? `default (${defaultProfile.name})`,
    tolerance: defaultTolerance,
    ...finalize(tally),
  };
  io.out(args.json ? JSON.stringify(report, null, 2) : renderReport(report));
  return 0;
}
