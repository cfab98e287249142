import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PGliteRequest } from "./pglite-protocol.ts";

/**
 * A stand-in for the database thread, so a test can make it die: it says it is ready, answers nothing
 * by itself, and exits when told to. (A real PGlite thread is in pglite-thread.test.ts.)
 */
class FakeWorker extends EventEmitter {
  static last: FakeWorker | undefined;
  static readyOnStart = true;
  /** Ends as it closes, instead of answering the close. */
  static exitOnClose = false;
  readonly requests: PGliteRequest[] = [];

  constructor() {
    super();
    FakeWorker.last = this;
    if (FakeWorker.readyOnStart) queueMicrotask(() => this.emit("message", { id: 0, ok: true }));
  }

  postMessage(request: PGliteRequest): void {
    this.requests.push(request);
    if (request.type !== "close") return;
    if (FakeWorker.exitOnClose) queueMicrotask(() => this.emit("exit", 0));
    else queueMicrotask(() => this.emit("message", { id: request.id, ok: true }));
  }

  async terminate(): Promise<number> {
    this.emit("exit", 1);
    return 1;
  }

  die(code: number): void {
    this.emit("exit", code);
  }
}

vi.mock("node:worker_threads", () => ({ Worker: FakeWorker }));
const { PGliteThread } = await import("./pglite-thread.ts");

afterEach(() => {
  FakeWorker.readyOnStart = true;
  FakeWorker.exitOnClose = false;
});

describe("when the embedded database thread dies", () => {
  it("rejects what was waiting, refuses what comes next, and reports the loss once", async () => {
    const onLost = vi.fn();
    const thread = await PGliteThread.start({}, { onLost });
    const waiting = thread.query("select 1", []);
    FakeWorker.last!.die(7);
    await expect(waiting).rejects.toThrow("the embedded database thread exited (code 7)");
    await expect(thread.query("select 1", [])).rejects.toThrow("exited (code 7)");
    FakeWorker.last!.emit("error", new Error("late"));
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]![0]).toBeInstanceOf(Error);
    expect((onLost.mock.calls[0]![0] as Error).message).toContain("code 7");
  });

  it("is not a loss when the server closes it", async () => {
    const onLost = vi.fn();
    const thread = await PGliteThread.start({}, { onLost });
    await thread.close();
    expect(FakeWorker.last!.requests.map((r) => r.type)).toEqual(["close"]);
    expect(onLost).not.toHaveBeenCalled();
  });

  it("is not a loss either when it ends while the server closes it", async () => {
    FakeWorker.exitOnClose = true;
    const onLost = vi.fn();
    const thread = await PGliteThread.start({}, { onLost });
    await thread.close();
    expect(onLost).not.toHaveBeenCalled();
    await expect(thread.query("select 1", [])).rejects.toThrow();
  });

  it("fails the start instead when it dies before it is ready", async () => {
    FakeWorker.readyOnStart = false;
    const onLost = vi.fn();
    const starting = PGliteThread.start({}, { onLost });
    FakeWorker.last!.die(1);
    await expect(starting).rejects.toThrow("exited (code 1)");
    expect(onLost).not.toHaveBeenCalled();
  });
});
