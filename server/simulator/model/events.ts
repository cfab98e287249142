import type { SimReplayLine } from "../replay-line.ts";
import type { SessionConfig, SessionConfigInput } from "./config.ts";
import { groundTruth, type TruthSummary } from "./labels.ts";
import { oximeterSample } from "./monitor.ts";
import { lineOrder, planSession, type SessionPlan, type TimedLine } from "./plan.ts";

/**
 * A session as replay lines, in batch (all at once) or streamed (the lines due up to a simulated
 * instant). Both come from the same function, so a stream read to the end equals the batch.
 */

function tickMs(plan: SessionPlan, k: number): number {
  return plan.oximeter.firstMs + Math.round(k * plan.oximeter.periodMs);
}

function oximeterLines(plan: SessionPlan, afterMs: number, untilMs: number): TimedLine[] {
  const { firstMs, periodMs, count } = plan.oximeter;
  const out: TimedLine[] = [];
  let k = Math.max(0, Math.floor((afterMs - firstMs) / periodMs) - 1);
  const noise = { hr: plan.config.monitor.noise.hr, spo2: plan.config.monitor.noise.spo2 };
  for (; k < count; k++) {
    const ms = tickMs(plan, k);
    if (ms <= afterMs) continue;
    if (ms > untilMs || ms >= plan.endMs) break;
    const minute = (ms - plan.startMs) / 60_000;
    const sample = oximeterSample(plan.physiology, minute, k, plan.artefacts, noise);
    if (!sample) continue;
    const line: SimReplayLine = {
      t: new Date(ms).toISOString(),
      kind: "vitals",
      source: "monitor",
      ...sample,
    };
    out.push({ ms, order: lineOrder.vitals, line });
  }
  return out;
}

/** The lines with afterMs < t <= untilMs, sorted by time (phase, then vitals, then observations). */
export function eventsBetween(plan: SessionPlan, afterMs: number, untilMs: number): SimReplayLine[] {
  const discrete = plan.discrete.filter((e) => e.ms > afterMs && e.ms <= untilMs);
  const ticks = oximeterLines(plan, afterMs, untilMs);
  const out: SimReplayLine[] = [];
  let i = 0;
  let j = 0;
  while (i < discrete.length || j < ticks.length) {
    const a = discrete[i];
    const b = ticks[j];
    if (a && (!b || a.ms < b.ms || (a.ms === b.ms && a.order <= b.order))) {
      out.push(a.line);
      i++;
    } else if (b) {
      out.push(b.line);
      j++;
    }
  }
  return out;
}

/** The lines of a session due up to and including simulated instant `untilMs` (epoch ms). */
export function eventsDueBy(
  config: SessionConfigInput | SessionConfig | SessionPlan,
  untilMs: number,
): SimReplayLine[] {
  const plan = "discrete" in config ? config : planSession(config);
  return eventsBetween(plan, Number.NEGATIVE_INFINITY, untilMs);
}

/** Every line of the session. */
export function sessionEvents(plan: SessionPlan): SimReplayLine[] {
  return eventsBetween(plan, Number.NEGATIVE_INFINITY, plan.endMs);
}

/**
 * A live session: `advanceTo(t)` returns the lines that fell due since the previous call, up to and
 * including simulated instant t (epoch ms). Time may run at any speed; it never goes back.
 */
export class SessionStream {
  readonly plan: SessionPlan;
  private cursorMs = Number.NEGATIVE_INFINITY;

  constructor(config: SessionConfigInput | SessionConfig | SessionPlan) {
    this.plan = "discrete" in config ? config : planSession(config);
  }

  get startMs(): number {
    return this.plan.startMs;
  }

  get endMs(): number {
    return this.plan.endMs;
  }

  /** True once the discharge line has been returned. */
  get done(): boolean {
    return this.cursorMs >= this.plan.endMs;
  }

  advanceTo(untilMs: number): SimReplayLine[] {
    if (untilMs <= this.cursorMs) return [];
    const lines = eventsBetween(this.plan, this.cursorMs, untilMs);
    this.cursorMs = untilMs;
    return lines;
  }
}

export interface SimulatedSession {
  plan: SessionPlan;
  events: SimReplayLine[];
  truth: TruthSummary;
}

/** One whole session with its ground truth (labels on the noise-free signal, 1 s resolution). */
export function simulateSession(
  config: SessionConfigInput | SessionConfig,
  truthStepSec = 1,
): SimulatedSession {
  const plan = planSession(config);
  return { plan, events: sessionEvents(plan), truth: groundTruth(plan.physiology, truthStepSec) };
}
