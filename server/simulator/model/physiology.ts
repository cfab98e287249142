import type { SessionConfig, Timing } from "./config.ts";
import { drawInfusionNumber, generatePatient, type Patient } from "./patient.ts";
import { clamp, Random, round1 } from "./random.ts";
import { drawResponse, type ResponseParams, responseShape, sedationShape } from "./response.ts";
import { drawScenarioEffects, episodeWeight, type ScenarioEffects } from "./scenarios.ts";

/**
 * The noise-free physiology of one session: a closed-form function of session time, so the truth
 * (and the ground-truth labels) can be evaluated at any instant without stepping through the session.
 */

/** A slow physiological oscillation (minutes). */
export interface Wave {
  amp: number;
  periodMin: number;
  phase: number;
}

export interface Physiology {
  seed: number;
  timing: Timing;
  patient: Patient;
  infusionNumber: number;
  response: ResponseParams;
  scenario: ScenarioEffects;
  /** Spontaneous variation around the baseline (BP waves shared by SBP and DBP). */
  waves: { bp: Wave[]; hr: Wave[]; spo2: Wave[]; rr: Wave[] };
}

export interface TrueVitals {
  sbp: number;
  dbp: number;
  hr: number;
  spo2: number;
  rr: number;
  moaas: number;
}

function drawWaves(rng: Random, amps: readonly number[]): Wave[] {
  return amps.map((amp, i) => ({
    amp: round1(amp * rng.between(0.6, 1.2)),
    periodMin: round1(i === 0 ? rng.between(3, 9) : rng.between(15, 40)),
    phase: round1(rng.between(0, 2 * Math.PI)),
  }));
}

export function planPhysiology(config: Pick<SessionConfig, "seed" | "scenario" | "timing">): Physiology {
  const root = new Random(config.seed);
  const patient = generatePatient(root.fork("patient"));
  const infusionNumber = drawInfusionNumber(root.fork("course"));
  let response = drawResponse(root.fork("response"), patient, infusionNumber);
  const scenario = drawScenarioEffects(root.fork("scenario"), config.scenario, config.timing);
  if (scenario.hypertensivePeak) {
    const target = scenario.hypertensivePeak;
    response = {
      ...response,
      sbpRise: round1(Math.max(response.sbpRise, target.sbp - patient.baseline.sbp)),
      dbpRise: round1(Math.max(response.dbpRise, target.dbp - patient.baseline.dbp)),
      hrRise: round1(Math.max(response.hrRise, 8)),
    };
  }
  const wr = root.fork("waves");
  const waves = {
    bp: drawWaves(wr, [2, 1.2]),
    hr: drawWaves(wr, [1.8, 1.2]),
    spo2: drawWaves(wr, [0.3, 0.2]),
    rr: drawWaves(wr, [0.6, 0.4]),
  };
  return { seed: config.seed, timing: config.timing, patient, infusionNumber, response, scenario, waves };
}

function waveAt(waves: readonly Wave[], minute: number): number {
  let sum = 0;
  for (const w of waves) sum += w.amp * Math.sin((2 * Math.PI * minute) / w.periodMin + w.phase);
  return sum;
}

/** Drug response shape (0..1) at a session minute. */
export function drugEffectAt(phys: Physiology, minute: number): number {
  const r = phys.response;
  return responseShape(
    minute - phys.timing.preInfusionMin,
    phys.timing.infusionMin,
    r.peakMin,
    r.offsetTauMin,
  );
}

/** True MOAA/S at a session minute (5 = responds readily). */
export function trueMoaasAt(phys: Physiology, minute: number): number {
  const level =
    phys.response.sedationDepth * sedationShape(minute - phys.timing.preInfusionMin, phys.timing.infusionMin);
  return 5 - Math.round(level);
}

const pull = (value: number, target: number, weight: number) => value + (target - value) * weight;

/** The noise-free vital signs at a session minute. */
export function trueVitalsAt(phys: Physiology, minute: number): TrueVitals {
  const { baseline } = phys.patient;
  const r = phys.response;
  const f = drugEffectAt(phys, minute);
  const bpWave = waveAt(phys.waves.bp, minute);
  const sedation = 5 - trueMoaasAt(phys, minute);
  let sbp = baseline.sbp + r.sbpRise * f + bpWave;
  let dbp = baseline.dbp + r.dbpRise * f + 0.6 * bpWave;
  let hr = baseline.hr + r.hrRise * f + waveAt(phys.waves.hr, minute);
  let spo2 = baseline.spo2 - 0.25 * sedation + waveAt(phys.waves.spo2, minute);
  let rr = baseline.rr - 0.4 * sedation + waveAt(phys.waves.rr, minute);
  const { vasovagal, desaturation } = phys.scenario;
  if (vasovagal) {
    const w = episodeWeight(vasovagal, minute);
    if (w > 0) {
      hr = pull(hr, vasovagal.hr, w);
      sbp = pull(sbp, vasovagal.sbp, w);
      dbp = pull(dbp, vasovagal.dbp, w);
    }
  }
  if (desaturation) {
    const w = episodeWeight(desaturation, minute);
    if (w > 0) {
      spo2 = pull(spo2, desaturation.spo2, w);
      rr = pull(rr, desaturation.rr, w);
    }
  }
  dbp = Math.min(dbp, sbp - 20);
  return {
    sbp,
    dbp,
    hr,
    spo2: clamp(spo2, 50, 100),
    rr: Math.max(2, rr),
    moaas: trueMoaasAt(phys, minute),
  };
}
