import type { PlannedReading } from "./readings-plan.ts";

/** What happened to one reading from the device's point of view. */
export interface ReadingRecord {
  reading: PlannedReading;
  chair: string;
  attempts: number;
  /** 201 (created) or 200 (a retry answered with the stored reading); null if never acknowledged. */
  ackStatus: 200 | 201 | null;
}

export interface DeviceStats {
  requests: number;
  /** Requests aborted by the device while in flight (connection torn down mid-request). */
  cut: number;
  /** Requests that failed because the server was gone (refused, reset) or answered 5xx/429/503. */
  failed: number;
  /** Answers that are neither an acknowledgement nor a retryable failure: each one is a bug. */
  unexpected: string[];
}

export interface DeviceOptions {
  baseUrl: string;
  secret: string;
  chair: string;
  readings: PlannedReading[];
  /** Readings in flight at once. */
  window: number;
  /** Chance that an attempt is aborted mid-flight. */
  cutChance: number;
  stats: DeviceStats;
  onAck(record: ReadingRecord): void;
  /** True once the run has failed elsewhere (the server could not restart): stop retrying. */
  halted(): boolean;
  /**
   * Resolves when the device may start its next reading. The scenario holds new readings while it
   * restarts the server, so every planned fault still has readings left to interrupt; readings
   * already in flight keep retrying.
   */
  nextReadingAllowed(): Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A bedside gateway: streams its readings in order with a few in flight, and retries each one,
 * with the same id and body, until the server acknowledges it. Some attempts are cut on purpose.
 */
export async function runDevice(options: DeviceOptions): Promise<ReadingRecord[]> {
  const { readings, stats } = options;
  const records = readings.map((reading) => ({
    reading,
    chair: options.chair,
    attempts: 0,
    ackStatus: null as ReadingRecord["ackStatus"],
  }));
  const url = `${options.baseUrl}/api/ingest/chairs/${encodeURIComponent(options.chair)}/vitals`;
  let next = 0;

  async function deliver(record: ReadingRecord): Promise<void> {
    let backoffMs = 20;
    while (record.ackStatus === null && !options.halted()) {
      record.attempts++;
      stats.requests++;
      const outcome = await attempt(record);
      if (outcome !== "retry") return;
      // A client backs off while the server is down; this is the device's retry policy, not a wait for the test.
      await delay(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 400);
    }
  }

  async function attempt(record: ReadingRecord): Promise<"acked" | "retry" | "refused"> {
    const controller = new AbortController();
    const cut = Math.random() < options.cutChance;
    const cutTimer = cut ? setTimeout(() => controller.abort(), Math.random() * 12) : null;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.secret}`, "content-type": "application/json" },
        body: JSON.stringify(record.reading),
        signal: controller.signal,
      });
      const text = await res.text();
      if (res.status === 201 || res.status === 200) {
        record.ackStatus = res.status;
        options.onAck(record);
        return "acked";
      }
      if (res.status >= 500 || res.status === 429) {
        stats.failed++;
        return "retry";
      }
      stats.unexpected.push(`${options.chair} ${record.reading.id}: ${res.status} ${text}`);
      return "refused";
    } catch (error) {
      if (controller.signal.aborted) stats.cut++;
      else if (isConnectionError(error)) stats.failed++;
      else {
        stats.unexpected.push(`${options.chair} ${record.reading.id}: ${String(error)}`);
        return "refused";
      }
      return "retry";
    } finally {
      if (cutTimer) clearTimeout(cutTimer);
    }
  }

  async function lane(): Promise<void> {
    while (next < records.length && !options.halted()) {
      await options.nextReadingAllowed();
      if (next >= records.length || options.halted()) return;
      const record = records[next++]!;
      await deliver(record);
    }
  }

  await Promise.all(Array.from({ length: options.window }, lane));
  return records;
}

function isConnectionError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return error instanceof TypeError && (cause?.code !== undefined || /fetch failed/.test(String(error)));
}
