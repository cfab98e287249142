import type { SimReplayLine } from "../replay-line.ts";
import { phaseTimes, resolveConfig, type SessionConfig, type SessionConfigInput } from "./config.ts";
import { type Artefact, bpPair, cuffSchedule, drawArtefacts, nibpReading } from "./monitor.ts";
import { type Physiology, planPhysiology, trueMoaasAt, trueVitalsAt } from "./physiology.ts";
import { hashNormal, Random, round1, toSecond } from "./random.ts";
import { drawSideEffects, type SideEffect } from "./side-effects.ts";

/**
 * Everything about a session that is not a per-second oximeter sample, decided up front from the
 * seed: phases, BP readings, nurse checks, side effects and artefact windows. Per-second samples are
 * produced on demand from it (events.ts), so a session can be streamed or written at once.
 */

/** A replay line with its time in epoch ms and its order among lines of the same instant. */
export interface TimedLine {
  ms: number;
  order: number;
  line: SimReplayLine;
}

export interface SessionPlan {
  config: SessionConfig;
  startMs: number;
  /** Discharge time: the last event. */
  endMs: number;
  physiology: Physiology;
  /** Phase starts in session minutes. */
  phaseMin: { pre_infusion: number; infusing: number; recovery: number; discharged: number };
  artefacts: Artefact[];
  sideEffects: SideEffect[];
  discrete: TimedLine[];
  /** Oximeter samples: k = 0 .. count-1 at firstMs + round(k * periodMs). */
  oximeter: { firstMs: number; periodMs: number; count: number };
}

export const lineOrder = { phase: 0, vitals: 1, observation: 2 } as const;
/** The oximeter probe goes on a minute after the patient sits down. */
const PROBE_ON_MIN = 1;

/** Nurse-taken BP: due every 10 min infusing and 15 min in recovery, often late (nurse_behind). */
function manualBpTimes(rng: Random, phase: SessionPlan["phaseMin"]): number[] {
  const times = [
    round1(phase.infusing * rng.between(0.15, 0.25)),
    round1(phase.infusing * rng.between(0.65, 0.75)),
  ];
  let t = phase.infusing;
  let first = true;
  for (;;) {
    const due = t < phase.recovery ? 10 : 15;
    const late = first ? rng.between(6, 10) : rng.chance(0.55) ? rng.between(3, 12) : rng.between(-1.5, 1);
    first = false;
    t += due + late;
    if (t >= phase.discharged - 0.5) return times;
    times.push(round1(t));
  }
}

export function planSession(input: SessionConfigInput | SessionConfig): SessionPlan {
  const config = resolveConfig(input);
  const physiology = planPhysiology(config);
  const { monitor, timing } = config;
  const times = phaseTimes(timing);
  const phaseMin = { pre_infusion: 0, ...times };
  const startMs = Date.parse(config.start);
  const msAt = (min: number) => startMs + Math.round(min * 60_000);
  const iso = (min: number) => new Date(msAt(min)).toISOString();
  const root = new Random(config.seed).fork("monitoring");
  const discrete: TimedLine[] = [];
  const push = (min: number, line: SimReplayLine) =>
    discrete.push({ ms: msAt(min), order: lineOrder[line.kind], line });

  for (const phase of ["pre_infusion", "infusing", "recovery", "discharged"] as const) {
    push(phaseMin[phase], { t: iso(phaseMin[phase]), kind: "phase", phase });
  }

  const artefacts = drawArtefacts(root.fork("artefacts"), PROBE_ON_MIN, times.discharged, monitor);
  const { disconnect, nurseBehind } = physiology.scenario;
  if (disconnect) {
    const endMin = round1(disconnect.startMin + disconnect.durationMin);
    artefacts.push({ kind: "probe_off", startMin: disconnect.startMin, endMin });
  }

  // Blood pressure: the automatic cuff, or the nurse by hand when she falls behind.
  const cuffRng = root.fork("cuff");
  if (nurseBehind) {
    manualBpTimes(root.fork("nurse"), phaseMin).forEach((at, i) => {
      const v = trueVitalsAt(physiology, at);
      const even = (x: number) => 2 * Math.round(x / 2); // terminal-digit preference of hand-written BP
      const bp = bpPair(
        even(v.sbp + 6 * hashNormal(config.seed, 0xdd, i)),
        even(v.dbp + 5 * hashNormal(config.seed, 0xde, i)),
      );
      push(at, { t: iso(at), kind: "vitals", source: "manual", ...bp });
    });
  } else {
    const noise = { sbp: monitor.noise.nibpSbp, dbp: monitor.noise.nibpDbp };
    const cycles = [
      ...cuffSchedule(0, times.infusing, monitor.cuffCycleMin.pre_infusion),
      ...cuffSchedule(times.infusing, times.recovery, monitor.cuffCycleMin.infusing),
      ...cuffSchedule(times.recovery, times.discharged, monitor.cuffCycleMin.recovery),
    ];
    cycles.forEach((at, i) => {
      if (cuffRng.chance(monitor.cuffFailureRate)) {
        artefacts.push({ kind: "cuff_failed", startMin: at, endMin: toSecond(at + 0.75) });
        return;
      }
      push(at, { t: iso(at), kind: "vitals", source: "monitor", ...nibpReading(physiology, at, noise, i) });
    });
  }
  artefacts.sort((a, b) => a.startMin - b.startMin);

  // The nurse's checks: respiratory rate by counting, MOAA/S during and after the infusion.
  const rrAt = (at: number, i: number) => {
    const rr = Math.max(0, Math.round(trueVitalsAt(physiology, at).rr + hashNormal(config.seed, 0xee, i)));
    push(at, { t: iso(at), kind: "vitals", source: "manual", rr });
  };
  rrAt(2, 0);
  const checks: number[] = [];
  for (
    let m = times.infusing + config.sedationCheckMin.infusing;
    m < times.recovery - 1e-9;
    m += config.sedationCheckMin.infusing
  ) {
    checks.push(m);
  }
  for (let m = times.recovery; m < times.discharged - 1e-9; m += config.sedationCheckMin.recovery)
    checks.push(m);
  checks.forEach((at, i) => {
    push(at, { t: iso(at), kind: "observation", type: "sedation", moaas: trueMoaasAt(physiology, at) });
    rrAt(at, i + 1);
  });

  const sideEffects = drawSideEffects(
    root.fork("side-effects"),
    timing,
    physiology.response.sedationDepth,
    physiology.scenario,
  );
  for (const s of sideEffects)
    push(s.atMin, { t: iso(s.atMin), kind: "observation", type: s.type, severity: s.severity });

  discrete.sort((a, b) => a.ms - b.ms || a.order - b.order);
  const firstMs = msAt(PROBE_ON_MIN);
  const endMs = msAt(times.discharged);
  const periodMs = 1000 / monitor.rateHz;
  const count = Math.max(0, Math.ceil((endMs - firstMs) / periodMs - 1e-9));
  return {
    config,
    startMs,
    endMs,
    physiology,
    phaseMin,
    artefacts,
    sideEffects,
    discrete,
    oximeter: { firstMs, periodMs, count },
  };
}
