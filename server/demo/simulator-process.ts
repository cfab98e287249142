import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const simulateCli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../cli/simulate.ts");

/**
 * The demo monitors: the live simulator as a separate process (`simulate --demo --loop`) that feeds
 * this server through its public ingest path with the demo ingest key (passed in the environment, not
 * on the command line). Its output is relayed with a prefix; `stop()` ends it with SIGTERM.
 */
export function startDemoSimulator(url: string, ingestKey: string): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", simulateCli, "--demo", "--loop", "--url", url, "--status-every", "60"],
    {
      env: { ...process.env, VIGIL_API_KEY: ingestKey },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  const relay = (stream: NodeJS.ReadableStream | null, write: (line: string) => void) => {
    let buffer = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line) write(`[demo monitors] ${line}`);
    });
  };
  relay(child.stdout, (line) => console.log(line));
  relay(child.stderr, (line) => console.error(line));
  // "close" comes after the last output line, so the simulator's summary is relayed before we exit.
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM") console.error(`[demo monitors] stopped (code ${code ?? signal})`);
  });

  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}
