import { vitalBounds } from "../../../shared/schemas/vitals.ts";
import type { MonitorConfig } from "./config.ts";
import { type Physiology, trueVitalsAt } from "./physiology.ts";
import { clamp, hashNormal, hashUniform, type Random, round1, toSecond } from "./random.ts";

/**
 * How the bedside equipment reports the truth: a pulse oximeter sampling HR and SpO2 (about 1 Hz)
 * with noise, motion artefacts and probe-off gaps; an oscillometric cuff cycling every few minutes,
 * sometimes failing; a nurse writing down what she measures by hand.
 */

export type Artefact =
  | { kind: "motion"; startMin: number; endMin: number; depth: number }
  | { kind: "probe_off"; startMin: number; endMin: number }
  | { kind: "cuff_failed"; startMin: number; endMin: number };

/** Poisson-distributed motion and probe-off windows over the monitoring period (session minutes). */
export function drawArtefacts(
  rng: Random,
  fromMin: number,
  toMin: number,
  config: Pick<MonitorConfig, "motionArtefactsPerHour" | "probeOffPerHour">,
): Artefact[] {
  const out: Artefact[] = [];
  const poisson = (perHour: number, make: (at: number) => Artefact) => {
    if (perHour <= 0) return;
    let at = fromMin + rng.exponential(60 / perHour);
    while (at < toMin) {
      out.push(make(toSecond(at)));
      at += rng.exponential(60 / perHour);
    }
  };
  poisson(config.motionArtefactsPerHour, (at) => ({
    kind: "motion",
    startMin: at,
    endMin: toSecond(at + rng.between(5, 20) / 60),
    depth: round1(rng.between(6, 20)),
  }));
  poisson(config.probeOffPerHour, (at) => ({
    kind: "probe_off",
    startMin: at,
    endMin: toSecond(at + rng.between(20, 120) / 60),
  }));
  return out.sort((a, b) => a.startMin - b.startMin);
}

const bound = (p: keyof typeof vitalBounds, v: number) =>
  clamp(Math.round(v), vitalBounds[p].min, vitalBounds[p].max);

/** An integer BP pair inside the hard bounds with systolic above diastolic. */
export function bpPair(sbp: number, dbp: number): { sbp: number; dbp: number } {
  const s = bound("sbp", sbp);
  const d = Math.min(bound("dbp", dbp), s - 10);
  return { sbp: s, dbp: d };
}

/** One oscillometric reading of the true BP at a session minute (noise addressed by `key`). */
export function nibpReading(
  phys: Physiology,
  minute: number,
  noise: { sbp: number; dbp: number },
  key: number,
): { sbp: number; dbp: number } {
  const v = trueVitalsAt(phys, minute);
  const shared = hashNormal(phys.seed, 0xb9, key);
  const own = hashNormal(phys.seed, 0xba, key);
  return bpPair(v.sbp + noise.sbp * shared, v.dbp + noise.dbp * (0.6 * shared + 0.8 * own));
}

/** Cuff cycle times within [fromMin, toMin): the first 30 s after the phase starts, then every cycle. */
export function cuffSchedule(fromMin: number, toMin: number, cycleMin: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const at = fromMin + 0.5 + k * cycleMin;
    if (at >= toMin - 1e-9) return out;
    out.push(round1(at));
  }
}

export interface OximeterSample {
  hr: number;
  spo2: number;
}

/**
 * The oximeter's sample `k` at a session minute, or null while the probe is off. Noise is addressed
 * by the sample index, so any sample can be produced on its own (streaming equals batch).
 */
export function oximeterSample(
  phys: Physiology,
  minute: number,
  k: number,
  artefacts: readonly Artefact[],
  noise: { hr: number; spo2: number },
): OximeterSample | null {
  let motion: (Artefact & { kind: "motion" }) | undefined;
  for (const a of artefacts) {
    if (minute < a.startMin || minute >= a.endMin) continue;
    if (a.kind === "probe_off") return null;
    if (a.kind === "motion") motion = a;
  }
  const v = trueVitalsAt(phys, minute);
  let hr = v.hr + noise.hr * hashNormal(phys.seed, 0x4a, k);
  let spo2 = v.spo2 + noise.spo2 * hashNormal(phys.seed, 0x5a, k);
  if (motion) {
    // A false dip: a triangle over the window, with a jittery pulse rate.
    const pos = (minute - motion.startMin) / (motion.endMin - motion.startMin);
    spo2 -= motion.depth * (1 - Math.abs(2 * pos - 1)) * (0.8 + 0.4 * hashUniform(phys.seed, 0x6a, k));
    hr += 8 * hashNormal(phys.seed, 0x7a, k);
  }
  return { hr: bound("hr", hr), spo2: bound("spo2", Math.min(100, spo2)) };
}
