import fs from "node:fs";
import path from "node:path";
import { addNurse, createIngestKey, login, nurseAccount, type Store, startChairs } from "./clinic-setup.ts";
import { type DeviceStats, type ReadingRecord, runDevice } from "./device.ts";
import { planChair } from "./readings-plan.ts";
import { type Exit, freePort, ServerProcess } from "./server-process.ts";
import { type StoreReport, verifyStore } from "./verify-store.ts";

export interface ScenarioOptions {
  store: Store;
  chairs: number;
  readingsPerChair: number;
  /** When to stop the server, as fractions of all readings acknowledged, and how. */
  faults: { at: number; signal: "SIGKILL" | "SIGTERM" }[];
  window: number;
  cutChance: number;
}

export interface ScenarioResult {
  records: ReadingRecord[];
  stats: DeviceStats;
  /** How each stop ended: the first and last are clean shutdowns, the rest the injected faults. */
  exits: (Exit & { requested: "SIGKILL" | "SIGTERM" })[];
  lockFileAfterCleanStop: boolean | null;
  /** PGlite: restarts that found the killed process's lock file and took it over. */
  staleLocksTakenOver: number;
  report: StoreReport;
  durationMs: number;
  /** From the first reading sent to the last acknowledged, kills and restarts included. */
  streamMs: number;
  /** How long each restart after a fault took until the server listened again. */
  restartMs: number[];
  /** Acknowledgements that arrived while a stop and restart was under way (the stopping server's last answers). */
  acksDuringRestart: number;
}

/** The pid in the data directory's lock file, if there is one. */
function lockOwner(store: Store): number | null {
  if (!("dataDir" in store)) return null;
  const file = path.join(store.dataDir, "vigil.lock");
  return fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8").split("\n")[0]) : null;
}

const adminPassword = "Tq7-ward-lamp-quiet-orbit";

/**
 * The real server in a child process, set up through the API, then devices streaming through the
 * ingest path while connections are cut and the server is killed and restarted; finally a clean
 * shutdown and a look at what the store holds.
 */
export async function runFaultScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const began = Date.now();
  const { store } = options;
  const env = {
    VIGIL_DEMO: "0",
    VIGIL_ADMIN_PASSWORD: adminPassword,
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    VIGIL_DATA_DIR: "dataDir" in store ? store.dataDir : path.resolve("tests/.tmp/fault-unused"),
    DATABASE_URL: "databaseUrl" in store ? store.databaseUrl : "",
    REDIS_URL: "",
    // Its startup and shutdown lines are what the test waits for (the logger is silent under vitest otherwise).
    VIGIL_LOG_LEVEL: "info",
  };
  const server = new ServerProcess(env);
  const exits: ScenarioResult["exits"] = [];
  const stop = async (signal: "SIGKILL" | "SIGTERM") =>
    exits.push({ ...(await server.stop(signal)), requested: signal });
  try {
    await server.start();
    const secret = await createIngestKey(server.url, await login(server.url, "admin", adminPassword));
    await stop("SIGTERM");
    const lockFileAfterCleanStop =
      "dataDir" in store ? fs.existsSync(path.join(store.dataDir, "vigil.lock")) : null;
    await addNurse(store);
    await server.start();
    const nurseCookie = await login(server.url, nurseAccount.username, nurseAccount.password);
    const chairs = Array.from({ length: options.chairs }, (_, i) => `F${i + 1}`);
    const sessions = await startChairs(server.url, nurseCookie, chairs);

    const start = Date.now() - 55 * 60_000;
    const plans = chairs.map((chair, i) => planChair(chair, i, options.readingsPerChair, start));
    const streamStart = Date.now();
    const restartMs: number[] = [];
    let staleLocksTakenOver = 0;
    const total = options.chairs * options.readingsPerChair;
    const stats: DeviceStats = { requests: 0, cut: 0, failed: 0, unexpected: [] };
    const restartErrors: string[] = [];
    const pending = [...options.faults];
    let acked = 0;
    let chaos: Promise<void> = Promise.resolve();
    let restarting = false;
    let acksDuringRestart = 0;
    const onAck = () => {
      acked++;
      if (restarting) acksDuringRestart++;
      const fault = pending[0];
      if (restarting || !fault || acked < fault.at * total) return;
      pending.shift();
      restarting = true;
      chaos = (async () => {
        try {
          const killedPid = server.pid;
          await stop(fault.signal);
          if (fault.signal === "SIGKILL" && lockOwner(store) === killedPid) staleLocksTakenOver++;
          const restarted = Date.now();
          await server.start();
          restartMs.push(Date.now() - restarted);
        } catch (error) {
          restartErrors.push(String(error));
        } finally {
          restarting = false;
        }
      })();
    };
    const results = await Promise.all(
      plans.map((plan) =>
        runDevice({
          baseUrl: server.url,
          secret,
          chair: plan.chair,
          readings: plan.readings,
          window: options.window,
          cutChance: options.cutChance,
          stats,
          onAck,
          halted: () => restartErrors.length > 0,
          nextReadingAllowed: () => (restarting ? chaos : Promise.resolve()),
        }),
      ),
    );
    await chaos;
    const streamMs = Date.now() - streamStart;
    if (restartErrors.length > 0)
      throw new Error(`the server did not come back:\n${restartErrors.join("\n")}`);
    await stop("SIGTERM");
    const records = results.flat();
    const report = await verifyStore(store, sessions, records);
    return {
      records,
      stats,
      exits,
      lockFileAfterCleanStop,
      staleLocksTakenOver,
      report,
      durationMs: Date.now() - began,
      streamMs,
      restartMs,
      acksDuringRestart,
    };
  } finally {
    await server.kill();
  }
}
