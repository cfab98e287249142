import type { OutboxEntry } from "./outbox-entry.ts";
import type { OutboxStore } from "./outbox-store.ts";
import { outcomeOfError, type SendOutcome } from "./send-outcome.ts";

export interface OutboxSenderOptions {
  store: OutboxStore;
  /** Posts one entry; resolves with the server's parsed answer or throws (an ApiError). */
  transmit: (entry: OutboxEntry) => Promise<unknown>;
  /** The logged-in user, or null (nothing is sent without a login). */
  currentUserId: () => string | null;
  /** `response` is null when the server stored the entry but its answer could not be read. */
  onSent?: (entry: OutboxEntry, response: unknown) => void;
  /** Delay before the n-th consecutive failed round is retried (n >= 1). */
  retryDelayMs?: (failures: number) => number;
  schedule?: (run: () => void, ms: number) => () => void;
}

/** 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so many tablets do not retry in step. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Drains the outbox: each session's entries in the order they were queued (a session waits behind
 * its oldest unsent entry), sessions independently. Transient failures are retried with backoff;
 * a definitive 4xx marks the entry rejected and the session's queue moves on.
 */
export class OutboxSender {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;
  private readonly retryDelayMs: (failures: number) => number;
  private readonly schedule: (run: () => void, ms: number) => () => void;

  constructor(private readonly options: OutboxSenderOptions) {
    this.retryDelayMs = options.retryDelayMs ?? ((n) => backoffMs(n));
    this.schedule = options.schedule ?? defaultSchedule;
  }

  /** Sends what is waiting now (page load, new entry, back online, socket reconnect); resolves when idle. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** No new attempt starts; resolves once the one in flight has finished (then the store may close). */
  stop(): Promise<void> {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    return this.running ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.round();
      } catch {
        // the device's database failed (closing, quota): entries stay where they were; try again later
        this.failures += 1;
        this.scheduleRetry();
      }
    } while (this.again && !this.stopped);
  }

  private scheduleRetry(): void {
    this.cancelRetry?.();
    this.cancelRetry = this.stopped
      ? null
      : this.schedule(() => void this.kick(), this.retryDelayMs(this.failures));
  }

  private async round(): Promise<void> {
    this.cancelRetry?.();
    this.cancelRetry = null;
    const userId = this.options.currentUserId();
    if (!userId) return;
    const pending = (await this.options.store.list()).filter(
      (e) => e.status === "pending" && e.userId === userId,
    );
    const bySession = new Map<string, OutboxEntry[]>();
    for (const e of pending) bySession.set(e.sessionId, [...(bySession.get(e.sessionId) ?? []), e]);
    const results = await Promise.all([...bySession.values()].map((list) => this.drainSession(list)));
    if (!results.includes("blocked")) {
      this.failures = 0;
      return;
    }
    this.failures += 1;
    if (!this.stopped)
      this.cancelRetry = this.schedule(() => void this.kick(), this.retryDelayMs(this.failures));
  }

  private async drainSession(entries: OutboxEntry[]): Promise<"done" | "blocked"> {
    for (const entry of entries) {
      if (this.stopped) return "blocked";
      const outcome = await this.sendOne(entry);
      if (outcome.kind === "retry") return "blocked";
    }
    return "done";
  }

  private async sendOne(entry: OutboxEntry): Promise<SendOutcome> {
    const { store } = this.options;
    let outcome: SendOutcome;
    try {
      outcome = { kind: "sent", response: await this.options.transmit(entry) };
    } catch (error) {
      outcome = outcomeOfError(error);
    }
    if (outcome.kind === "sent") {
      await store.markSent(entry.id);
      this.options.onSent?.(entry, outcome.response);
    } else if (outcome.kind === "retry") {
      await store.recordFailure(entry.id, outcome.message);
    } else {
      await store.markRejected(entry.id, outcome.rejection);
    }
    return outcome;
  }
}
