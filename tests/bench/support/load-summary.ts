import { percentile, round } from "../bench-result.ts";
import type { LoadOutcome } from "./chair-load.ts";

export interface LoadSummary {
  chairs: number;
  alert: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; heard: number; missed: number };
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

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

export function summarise(chairs: number, o: LoadOutcome): LoadSummary {
  const alerts = sorted(o.alertLatenciesMs);
  const acks = sorted(o.ackLatenciesMs);
  return {
    chairs,
    alert: {
      p50Ms: round(percentile(alerts, 50)),
      p95Ms: round(percentile(alerts, 95)),
      p99Ms: round(percentile(alerts, 99)),
      maxMs: round(alerts.at(-1) ?? Number.NaN),
      heard: alerts.length,
      missed: o.crossingsMissed,
    },
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
