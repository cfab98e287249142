import { percentile, round } from "../bench-result.ts";
import type { LoadOutcome } from "./chair-load.ts";

export interface LoadSummary {
  chairs: number;
  /** Emit → the first alarm heard (Vigil: provisional or committed, whichever came first). */
  alert: Latencies;
  /** Vigil only: emit → the committed alert. */
  committedAlert?: Latencies;
  readings: {
    offeredPerSecond: number;
    ackedPerSecond: number;
    /** 1 Hz ticks a chair skipped because it still had unacknowledged readings (server behind). */
    skipped: number;
    failed: number;
    firstFailure: string | null;
    /** Still unacknowledged when the drain time ran out. */
    unacked: number;
    ackP50Ms: number;
    ackP99Ms: number;
    /** Acknowledged more than a second after sending (a monitor's next reading was already due). */
    lateOver1s: number;
  };
  clientLoopDelayP99Ms: number;
}

interface Latencies {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  heard: number;
  missed: number;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

function latencies(values: number[], missed: number): Latencies {
  const ms = sorted(values);
  return {
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(ms.at(-1) ?? Number.NaN),
    heard: ms.length,
    missed,
  };
}

/** The figures of an outcome that are one number each. */
type CountKey = { [K in keyof LoadOutcome]: LoadOutcome[K] extends number ? K : never }[keyof LoadOutcome];

/** Several rounds of the same load against the same server, as one: latencies pooled, counts summed. */
export function mergeOutcomes(rounds: LoadOutcome[]): LoadOutcome {
  const all = <K extends keyof LoadOutcome>(key: K) => rounds.map((r) => r[key]);
  const sum = (key: Exclude<CountKey, "clientLoopDelayP99Ms">) =>
    rounds.reduce((total, r) => total + r[key], 0);
  return {
    alertLatenciesMs: all("alertLatenciesMs").flat(),
    committedLatenciesMs: all("committedLatenciesMs").flat(),
    committedMissed: sum("committedMissed"),
    crossingsSent: sum("crossingsSent"),
    crossingsMissed: sum("crossingsMissed"),
    offered: sum("offered"),
    sent: sum("sent"),
    skipped: sum("skipped"),
    acked: sum("acked"),
    failed: sum("failed"),
    firstFailure: all("firstFailure").find((f) => f !== null) ?? null,
    ackLatenciesMs: all("ackLatenciesMs").flat(),
    unacked: sum("unacked"),
    measuredSeconds: sum("measuredSeconds"),
    clientLoopDelayP99Ms: Math.max(...all("clientLoopDelayP99Ms")),
  };
}

export function summarise(chairs: number, o: LoadOutcome): LoadSummary {
  const acks = sorted(o.ackLatenciesMs);
  const committed = o.committedLatenciesMs.length + o.committedMissed;
  return {
    chairs,
    alert: latencies(o.alertLatenciesMs, o.crossingsMissed),
    ...(committed > 0 ? { committedAlert: latencies(o.committedLatenciesMs, o.committedMissed) } : {}),
    readings: {
      offeredPerSecond: round(o.offered / o.measuredSeconds, 1),
      ackedPerSecond: round(o.acked / o.measuredSeconds, 1),
      skipped: o.skipped,
      failed: o.failed,
      firstFailure: o.firstFailure,
      unacked: o.unacked,
      ackP50Ms: round(percentile(acks, 50)),
      ackP99Ms: round(percentile(acks, 99)),
      lateOver1s: acks.filter((ms) => ms > 1000).length,
    },
    clientLoopDelayP99Ms: round(o.clientLoopDelayP99Ms),
  };
}

export function mib(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}
