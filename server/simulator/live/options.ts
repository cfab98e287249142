import { isScenarioName, type ScenarioName, scenarioNames } from "../model/scenarios.ts";

/**
 * `npm run simulate` options, parsed without the process (pure: argv and env in, options or a message
 * out). `--cohort` hands the whole command line to the cohort CLI.
 */

export interface Credentials {
  username: string;
  password: string;
}

export interface LiveOptions {
  mode: "live";
  /** Fresh chairs (`--chairs N`) or the demo clinic's chairs, attaching to their seeded sessions. */
  chairs: number;
  demo: boolean;
  chairPrefix: string;
  rateHz: number;
  speed: number;
  scenario: ScenarioName;
  seed: number;
  url: string;
  apiKey: string | undefined;
  admin: Credentials;
  nurse: Credentials;
  physician: Credentials;
  /** Start a new session in a chair once its session is discharged. */
  loop: boolean;
  maxEvents: number | undefined;
  durationSec: number | undefined;
  statusEverySec: number;
}

export type ParsedCommand = LiveOptions | { mode: "cohort"; argv: readonly string[] } | { mode: "help" };

export const simulateUsage = [
  "usage: npm run simulate -- --chairs N [--rate-hz R] [--speed X] [--scenario NAME] [--seed S]",
  "         [--url URL] [--api-key KEY | --admin-user U --admin-password P]",
  "         [--nurse-user U --nurse-password P] [--physician-user U --physician-password P]",
  "         [--chair-prefix P] [--loop] [--max-events N] [--duration SEC] [--status-every SEC]",
  "       npm run simulate -- --demo --url URL [--loop]      (the demo clinic's chairs)",
  "       npm run simulate -- --cohort N --seed S --out DIR [--scenario NAME] [--rate-hz R]",
  `       scenarios: ${scenarioNames.join(", ")}`,
  "       env: VIGIL_URL, VIGIL_API_KEY, VIGIL_SIM_ADMIN_USER/_PASSWORD, VIGIL_SIM_NURSE_USER/_PASSWORD,",
  "            VIGIL_SIM_PHYSICIAN_USER/_PASSWORD",
].join("\n");

const valued = [
  "--chairs",
  "--rate-hz",
  "--speed",
  "--scenario",
  "--seed",
  "--url",
  "--api-key",
  "--admin-user",
  "--admin-password",
  "--nurse-user",
  "--nurse-password",
  "--physician-user",
  "--physician-password",
  "--chair-prefix",
  "--max-events",
  "--duration",
  "--status-every",
] as const;
const flags = ["--loop", "--demo"] as const;

function number(
  raw: string | undefined,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
  range: string,
): number | string {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return raw.trim() !== "" && Number.isFinite(n) && check(n) ? n : `${name} must be ${range} (got "${raw}")`;
}

const whole = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

export function parseSimulateArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): ParsedCommand | string {
  if (argv.includes("--cohort") || argv.some((a) => a.startsWith("--cohort=")))
    return { mode: "cohort", argv };
  if (argv.includes("--help") || argv.includes("-h")) return { mode: "help" };
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if ((flags as readonly string[]).includes(name!)) {
      if (inline !== undefined) return `option ${name} takes no value`;
      set.add(name!);
      continue;
    }
    if (!(valued as readonly string[]).includes(name!)) {
      return arg.startsWith("-") ? `unknown option ${name}` : `unexpected argument ${arg}`;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      return `option ${name} needs a value`;
    }
    if (values.has(name!)) return `option ${name} given twice`;
    values.set(name!, value);
  }
  const demo = set.has("--demo");
  if (!demo && !values.has("--chairs")) return "missing --chairs N (or --demo, or --cohort N)";
  if (demo && values.has("--chairs")) return "give either --chairs N or --demo, not both";
  if (values.has("--api-key") && (values.has("--admin-user") || values.has("--admin-password"))) {
    return "give either --api-key or --admin-user/--admin-password, not both";
  }
  const chairs = number(values.get("--chairs"), "--chairs", 0, whole(1, 200), "a whole number from 1 to 200");
  const rateHz = number(
    values.get("--rate-hz"),
    "--rate-hz",
    1,
    (n) => n > 0 && n <= 10,
    "above 0, at most 10",
  );
  const speed = number(
    values.get("--speed"),
    "--speed",
    1,
    (n) => n > 0 && n <= 3600,
    "above 0, at most 3600",
  );
  const seed = number(
    values.get("--seed"),
    "--seed",
    1,
    whole(0, 2 ** 32 - 1),
    "a whole number 0-4294967295",
  );
  const maxEvents = number(
    values.get("--max-events"),
    "--max-events",
    0,
    whole(1, 1e9),
    "a whole number ≥ 1",
  );
  const duration = number(
    values.get("--duration"),
    "--duration",
    0,
    (n) => n > 0,
    "a number of seconds above 0",
  );
  const statusEvery = number(
    values.get("--status-every"),
    "--status-every",
    10,
    (n) => n > 0,
    "seconds above 0",
  );
  for (const n of [chairs, rateHz, speed, seed, maxEvents, duration, statusEvery]) {
    if (typeof n === "string") return n;
  }
  const scenario = values.get("--scenario") ?? "typical";
  if (!isScenarioName(scenario))
    return `unknown scenario "${scenario}"; valid scenarios: ${scenarioNames.join(", ")}`;
  const url = values.get("--url") ?? env.VIGIL_URL ?? "http://127.0.0.1:3000";
  if (!/^https?:\/\/[^/\s]+/.test(url)) return `--url must be an http(s) URL (got "${url}")`;
  const chairPrefix = values.get("--chair-prefix") ?? "Sim-";
  if (chairPrefix.length + String(chairs).length > 20)
    return "--chair-prefix is too long (chair names are ≤ 20 characters)";
  const creds = (who: "admin" | "nurse" | "physician", user: string, password: string): Credentials => {
    const upper = who.toUpperCase();
    return {
      username: values.get(`--${who}-user`) ?? env[`VIGIL_SIM_${upper}_USER`] ?? user,
      password: values.get(`--${who}-password`) ?? env[`VIGIL_SIM_${upper}_PASSWORD`] ?? password,
    };
  };
  return {
    mode: "live",
    chairs: chairs as number,
    demo,
    chairPrefix,
    rateHz: rateHz as number,
    speed: speed as number,
    scenario,
    seed: seed as number,
    url: url.replace(/\/+$/, ""),
    apiKey: values.get("--api-key") ?? env.VIGIL_API_KEY ?? undefined,
    admin: creds("admin", "admin", "admin-demo"),
    nurse: creds("nurse", "nurse", "nurse-demo"),
    physician: creds("physician", "physician", "physician-demo"),
    loop: set.has("--loop"),
    maxEvents: values.has("--max-events") ? (maxEvents as number) : undefined,
    durationSec: values.has("--duration") ? (duration as number) : undefined,
    statusEverySec: statusEvery as number,
  };
}
