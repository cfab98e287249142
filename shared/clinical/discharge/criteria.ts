import { formatBaseline, formatPercent, lastAgainstBaseline, withinPercent } from "./baseline.ts";
import type { DischargeProfile } from "./profile.ts";
import type { Criterion, DischargeInputs, DischargeReading } from "./types.ts";

/**
 * The automatic discharge criteria, each met or not with the reason in words. Pure: the time is an
 * input. Readings entered in error must already be left out by the caller.
 */

const MINUTE = 60_000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A vital set: one reading with BP (SBP and DBP) and HR at least. */
export const isVitalSet = (r: DischargeReading) => r.sbp !== null && r.dbp !== null && r.hr !== null;

export function observationTime(input: DischargeInputs, profile: DischargeProfile): Criterion {
  const { minutes, from } = profile.observation;
  const fromLabel = from === "infusion_stop" ? "the infusion stopped" : "dosing started";
  const label = `At least ${minutes} min since ${fromLabel}`;
  const start = from === "infusion_stop" ? input.infusionStoppedAt : input.infusionStartedAt;
  if (start === null) {
    const missing = from === "infusion_stop" ? "The infusion has not stopped yet" : "Dosing has not started";
    return { id: "observation_time", label, met: false, reason: missing };
  }
  const elapsedMs = input.now - start;
  const elapsed = Math.max(0, Math.floor(elapsedMs / MINUTE));
  const met = elapsedMs >= minutes * MINUTE;
  const reason = met
    ? `${elapsed} min since ${fromLabel} (${minutes} required)`
    : `${elapsed} min since ${fromLabel}; ${minutes} required (${Math.ceil((minutes * MINUTE - elapsedMs) / MINUTE)} min to go)`;
  return { id: "observation_time", label, met, reason };
}

export function recoveryVitalSets(input: DischargeInputs, profile: DischargeProfile): Criterion {
  const required = profile.recoveryVitalSets;
  const label = `At least ${plural(required, "recovery vital set")} (BP and HR)`;
  const stop = input.infusionStoppedAt;
  if (stop === null) return { id: "recovery_vital_sets", label, met: false, reason: "Not in recovery yet" };
  const count = input.readings.filter((r) => r.t >= stop && isVitalSet(r)).length;
  const met = count >= required;
  return {
    id: "recovery_vital_sets",
    label,
    met,
    reason: `${plural(count, "vital set")} since the infusion stopped; ${required} required`,
  };
}

export function vitalsNearBaseline(input: DischargeInputs, profile: DischargeProfile): Criterion {
  const pct = profile.baselineTolerancePercent;
  const label = `Last BP and HR within ${pct} % of baseline`;
  const { comparisons, missing } = lastAgainstBaseline(input.readings, input.baseline);
  if (missing.length > 0) {
    return { id: "vitals_near_baseline", label, met: false, reason: `Cannot compare: ${missing.join(", ")}` };
  }
  const outside = comparisons.filter((c) => !withinPercent(c.value, c.baseline, pct));
  const describe = (c: (typeof comparisons)[number]) =>
    `${c.label} ${c.value} vs ${formatBaseline(c.baseline)} (${formatPercent(c.value, c.baseline)})`;
  return outside.length === 0
    ? { id: "vitals_near_baseline", label, met: true, reason: comparisons.map(describe).join("; ") }
    : {
        id: "vitals_near_baseline",
        label,
        met: false,
        reason: `Beyond ${pct} %: ${outside.map(describe).join("; ")}`,
      };
}

export function spo2Above(input: DischargeInputs, profile: DischargeProfile): Criterion {
  const label = `SpO2 above ${profile.spo2Above} %`;
  const last = [...input.readings]
    .filter((r) => r.spo2 !== null)
    .sort((a, b) => a.t - b.t)
    .at(-1);
  if (!last || last.spo2 === null) return { id: "spo2", label, met: false, reason: "No SpO2 recorded" };
  const met = last.spo2 > profile.spo2Above;
  return { id: "spo2", label, met, reason: `Last SpO2 ${last.spo2} %` };
}

export function noOpenAlerts(input: DischargeInputs): Criterion {
  const label = "No open high or medium alert";
  const blocking = input.openAlerts.filter((a) => a.priority === "high" || a.priority === "medium");
  if (blocking.length === 0) {
    const low = input.openAlerts.length;
    return {
      id: "no_open_alerts",
      label,
      met: true,
      reason: low ? `${plural(low, "low alert")} open` : "None open",
    };
  }
  const list = blocking.map((a) => `${a.parameter} (${a.priority})`).join(", ");
  return { id: "no_open_alerts", label, met: false, reason: `Open: ${list}` };
}

export function moaasRecovered(input: DischargeInputs, profile: DischargeProfile): Criterion {
  const label = `MOAA/S ${profile.requiredMoaas} at the latest sedation check`;
  const stop = input.infusionStoppedAt;
  const checks = [...input.sedationChecks].sort((a, b) => a.t - b.t);
  const latest = checks.filter((c) => stop !== null && c.t >= stop).at(-1);
  if (!latest)
    return { id: "moaas", label, met: false, reason: "No sedation check since the infusion stopped" };
  return {
    id: "moaas",
    label,
    met: latest.moaas === profile.requiredMoaas,
    reason: `Latest MOAA/S ${latest.moaas}`,
  };
}

export function automaticCriteria(input: DischargeInputs, profile: DischargeProfile): Criterion[] {
  return [
    observationTime(input, profile),
    recoveryVitalSets(input, profile),
    vitalsNearBaseline(input, profile),
    spo2Above(input, profile),
    noOpenAlerts(input),
    moaasRecovered(input, profile),
  ];
}
