import { calibrationMarkdown } from "./calibration-table.ts";
import { simulateCohort } from "./cohort.ts";
import { isScenarioName, type ScenarioName, scenarioNames } from "./model/scenarios.ts";

/**
 * `tsx server/cli/simulate-cohort.ts --cohort N --seed S --out DIR [--scenario NAME] [--rate-hz R]`
 * without the process: arguments in, files and lines out, exit code back (0 ok, 1 I/O, 2 usage).
 */

export interface CohortCliIo {
  mkdir(dir: string): void;
  writeFile(path: string, text: string): void;
  joinPath(dir: string, name: string): string;
  out(line: string): void;
  err(line: string): void;
}

export const cohortUsage =
  "usage: simulate-cohort --cohort N --seed S --out DIR [--scenario NAME] [--rate-hz R]\n" +
  `       scenarios: ${scenarioNames.join(", ")}`;

export interface CohortArgs {
  sessions: number;
  seed: number;
  out: string;
  scenario: ScenarioName;
  rateHz?: number;
}

const options = ["--cohort", "--seed", "--out", "--scenario", "--rate-hz"] as const;
type OptionName = (typeof options)[number];

export function parseCohortArgs(argv: readonly string[]): CohortArgs | string {
  const values = new Map<OptionName, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if (!(options as readonly string[]).includes(name ?? "")) {
      return arg.startsWith("-") ? `unknown option ${name}` : `unexpected argument ${arg}`;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      return `option ${name} needs a value`;
    }
    if (values.has(name as OptionName)) return `option ${name} given twice`;
    values.set(name as OptionName, value);
  }
  const cohort = values.get("--cohort");
  const seed = values.get("--seed");
  const out = values.get("--out");
  if (cohort === undefined) return "missing --cohort N";
  if (seed === undefined) return "missing --seed S";
  if (out === undefined) return "missing --out DIR";
  if (!/^\d+$/.test(cohort) || Number(cohort) < 1 || Number(cohort) > 100_000) {
    return `--cohort must be a whole number from 1 to 100000 (got "${cohort}")`;
  }
  if (!/^\d+$/.test(seed) || Number(seed) > 2 ** 32 - 1) {
    return `--seed must be a whole number from 0 to 4294967295 (got "${seed}")`;
  }
  const scenario = values.get("--scenario") ?? "typical";
  if (!isScenarioName(scenario)) {
    return `unknown scenario "${scenario}"; valid scenarios: ${scenarioNames.join(", ")}`;
  }
  const args: CohortArgs = { sessions: Number(cohort), seed: Number(seed), out, scenario };
  const rate = values.get("--rate-hz");
  if (rate !== undefined) {
    const r = Number(rate);
    if (!Number.isFinite(r) || r <= 0 || r > 10)
      return `--rate-hz must be a number above 0 and at most 10 (got "${rate}")`;
    args.rateHz = r;
  }
  return args;
}

export function runCohortCli(argv: readonly string[], io: CohortCliIo): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(cohortUsage);
    return 0;
  }
  const args = parseCohortArgs(argv);
  if (typeof args === "string") {
    io.err(`simulate-cohort: ${args}`);
    io.err(cohortUsage);
    return 2;
  }
  try {
    io.mkdir(args.out);
    const summary = simulateCohort(
      {
        sessions: args.sessions,
        seed: args.seed,
        scenario: args.scenario,
        ...(args.rateHz ? { rateHz: args.rateHz } : {}),
      },
      (files) => {
        io.writeFile(io.joinPath(args.out, `${files.name}.jsonl`), files.jsonl);
        io.writeFile(io.joinPath(args.out, `${files.name}.labels.json`), files.labels);
      },
    );
    io.writeFile(io.joinPath(args.out, "cohort.json"), `${JSON.stringify(summary, null, 2)}\n`);
    io.out(`wrote ${args.sessions} sessions (${summary.events} events) to ${args.out}`);
    io.out(calibrationMarkdown(summary.calibration, args.seed));
    return 0;
  } catch (error) {
    io.err(`simulate-cohort: ${(error as Error).message}`);
    return 1;
  }
}
