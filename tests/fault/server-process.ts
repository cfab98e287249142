import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

/** A port nobody listens on now; the server is restarted on the same one after every kill. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * The real server (server/main.ts) as a child process: `node --import tsx` so the pid we kill is
 * the server itself (the tsx binary would leave its child running).
 */
export class ServerProcess {
  #child: ChildProcess | null = null;
  #exited: Promise<Exit> | null = null;
  #output = "";
  starts = 0;

  constructor(private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts the server and resolves once it says it listens; rejects with its output if it exits first. */
  async start(): Promise<void> {
    if (this.#child) throw new Error("the server is already running");
    this.#output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.#child = child;
    this.starts++;
    this.#exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.#child = null;
        resolve({ code, signal, output: this.#output });
      });
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        // The tail is enough to show why a start or a shutdown went wrong.
        this.#output = (this.#output + chunk.toString()).slice(-64_000);
        if (/running at http/.test(this.#output)) resolve();
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      void this.#exited!.then((exit) =>
        reject(new Error(`the server exited (${exit.code ?? exit.signal}) while starting:\n${exit.output}`)),
      );
    });
  }

  /** Sends the signal and resolves with how the process ended. */
  async stop(signal: "SIGKILL" | "SIGTERM"): Promise<Exit> {
    const child = this.#child;
    if (!child || !this.#exited) throw new Error("the server is not running");
    child.kill(signal);
    return this.#exited;
  }

  /** For afterAll: ends a server a failed test left running. */
  async kill(): Promise<void> {
    if (this.#child) await this.stop("SIGKILL");
  }
}
