/** Messages between a benchmark and the server it runs as a child process (over the fork IPC channel). */

export interface ChairSeat {
  chair: string;
  sessionId: string;
}

export interface ServerReady {
  type: "ready";
  url: string;
  /** Vigil: the ingest API key every device socket presents, and the physician's login cookie. */
  apiKey?: string;
  physicianCookie?: string;
  seats: ChairSeat[];
  setupMs: number;
}

export interface MemorySample {
  type: "memory";
  rssBytes: number;
  heapUsedBytes: number;
}

export type ParentMessage = { type: "memory" } | { type: "stop" };
export type ChildMessage = ServerReady | MemorySample | { type: "error"; message: string };

/** Answers the parent's memory and stop requests; `stop` closes the server before the process exits. */
export function serveParent(ready: ServerReady, stop: () => Promise<void>): void {
  process.on("message", (message: ParentMessage) => {
    if (message.type === "memory") {
      const usage = process.memoryUsage();
      send({ type: "memory", rssBytes: usage.rss, heapUsedBytes: usage.heapUsed });
    } else if (message.type === "stop") {
      void stop().finally(() => process.exit(0));
    }
  });
  // Orphaned (the benchmark died): do not linger on the shared machine.
  process.on("disconnect", () => process.exit(0));
  send(ready);
}

export function send(message: ChildMessage): void {
  process.send?.(message);
}

export function failSetup(error: unknown): never {
  send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
