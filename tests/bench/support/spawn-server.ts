import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { ChildMessage, MemorySample, ServerReady } from "./server-protocol.ts";

export interface ServerChild {
  ready: ServerReady;
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

/**
 * Starts a benchmark server in its own process (so it gets its own core and its own memory figures),
 * and resolves once it has set up and listens.
 */
export async function spawnServer(
  script: "vigil-server-process.ts" | "relay-server-process.ts",
  env: Record<string, string>,
): Promise<ServerChild> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, script), [], {
    // BENCH_CPU_PROF=dir writes a .cpuprofile of each server there when it stops.
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, VIGIL_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === "ready") resolve(message);
      else if (message.type === "error") reject(new Error(`${script} failed to start: ${message.message}`));
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ready,
    memory: () =>
      new Promise<MemorySample>((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== "memory") return;
          child.off("message", onMessage);
          resolve(message);
        };
        child.on("message", onMessage);
        child.send({ type: "memory" });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: "stop" });
      const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
