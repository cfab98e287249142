import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export interface NodeProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the node printed, for the failure message. */
  output(): string;
  /** Resolves when the process has exited (at once if it already has). */
  exited: Promise<void>;
  /** SIGTERM (clean shutdown) or SIGKILL (a crashed node), then waits for the exit. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

const mainScript = path.resolve("server/main.ts");

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `node --import tsx server/main.ts` as one Vigil node; call waitHealthy before using it. */
export async function spawnNode(name: string, env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", mainScript], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), VIGIL_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      // A node that does not shut down cleanly in time is killed: no process outlives the test.
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Polls /api/health until the node answers; fails with the node's output if it exits or takes too long. */
export async function waitHealthy(node: NodeProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void node.exited.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead) throw new Error(`node ${node.name} exited during start:\n${node.output()}`);
    const ok = await fetch(`${node.url}/api/health`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`node ${node.name} did not answer within ${timeoutMs} ms:\n${node.output()}`);
}
