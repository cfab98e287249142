import { DEMO_RATE_HZ, demoChairs } from "../../demo/demo-plan.ts";
import { sessionSeed } from "../calibration.ts";
import { ChairRunner, type ChairSpec } from "./chair.ts";
import { ClinicClient } from "./clinic-client.ts";
import type { LiveOptions } from "./options.ts";
import { SimStats } from "./stats.ts";

/**
 * Live simulated chairs against a running server: sets the chairs up, then every tick sends each
 * chair's due lines in order (chairs in parallel), prints a status line now and then and a JSON
 * summary at the end. Stops on the signal, --max-events, --duration, or when every chair is done.
 */

export interface LiveIo {
  out(line: string): void;
  err(line: string): void;
  signal?: AbortSignal;
  /** Called once the chairs are set up (tests wait on it). */
  onReady?: (sessions: { chair: string }[]) => void;
}

const TICK_MS = 100;
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    const timer = setTimeout(stop, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });

function chairSpecs(options: LiveOptions): ChairSpec[] {
  if (options.demo) return demoChairs.map(({ chair, scenario, seed }) => ({ chair, scenario, seed }));
  return Array.from({ length: options.chairs }, (_, i) => ({
    chair: `${options.chairPrefix}${i + 1}`,
    scenario: options.scenario,
    seed: sessionSeed(options.seed, i),
  }));
}

export async function runLiveSimulation(options: LiveOptions, io: LiveIo): Promise<number> {
  const stats = new SimStats();
  const client = ClinicClient.for(options);
  const startedAt = Date.now();
  const stopAt = options.durationSec === undefined ? Infinity : startedAt + options.durationSec * 1000;
  const mayContinue = () =>
    !io.signal?.aborted &&
    Date.now() < stopAt &&
    (options.maxEvents === undefined || stats.sent < options.maxEvents);
  const deps = {
    client,
    stats,
    err: io.err,
    rateHz: options.demo ? DEMO_RATE_HZ : options.rateHz,
    speed: options.demo ? 1 : options.speed,
    loop: options.loop,
    mayContinue,
  };
  const chairs = chairSpecs(options).map((spec) => new ChairRunner(spec, deps));
  const summary = (extra: Record<string, unknown>) =>
    io.out(
      JSON.stringify(
        stats.summary({ chairs: chairs.length, seconds: (Date.now() - startedAt) / 1000, ...extra }),
      ),
    );

  try {
    await client.connect(io.err);
    await setUp(chairs, client, options.demo);
  } catch (error) {
    io.err(`simulate: ${(error as Error).message}`);
    await client.disconnect();
    summary({ error: (error as Error).message });
    return 1;
  }
  io.onReady?.(chairs.map((c) => ({ chair: c.spec.chair })));
  const status = setInterval(() => {
    io.err(stats.statusLine(Date.now() - startedAt, chairs.filter((c) => !c.done).length, chairs.length));
  }, options.statusEverySec * 1000);
  try {
    while (mayContinue() && chairs.some((c) => !c.done)) {
      const now = Date.now();
      await Promise.all(chairs.map((c) => c.pump(now)));
      await sleep(Math.max(0, TICK_MS - (Date.now() - now)), io.signal);
    }
  } finally {
    clearInterval(status);
    await client.disconnect();
  }
  io.err(stats.statusLine(Date.now() - startedAt, chairs.filter((c) => !c.done).length, chairs.length));
  summary({});
  return 0;
}

/** Fresh chairs get a new patient and session each; demo chairs continue their seeded sessions. */
async function setUp(chairs: ChairRunner[], client: ClinicClient, demo: boolean): Promise<void> {
  const active = await client.activeSessions();
  if (active.status !== 200) throw new Error(`cannot list active sessions: HTTP ${active.status}`);
  const byChair = new Map<string, { id: string; createdAt: string; phase: "pre_infusion" }[]>();
  for (const summary of active.body as {
    session: { chair: string; id: string; createdAt: string; phase: "pre_infusion" };
  }[]) {
    byChair.set(summary.session.chair, [...(byChair.get(summary.session.chair) ?? []), summary.session]);
  }
  const now = Date.now();
  for (const chair of chairs) {
    const occupied = byChair.get(chair.spec.chair) ?? [];
    if (demo && occupied.length === 1) {
      chair.attach(occupied[0]!, now);
      continue;
    }
    if (occupied.length > 0) {
      throw new Error(
        `chair ${chair.spec.chair} already has an active session (${occupied.map((s) => s.id).join(", ")}); ` +
          "discharge it or choose other chairs with --chair-prefix",
      );
    }
    if (!(await chair.start())) throw new Error(`could not start a session in chair ${chair.spec.chair}`);
  }
}
