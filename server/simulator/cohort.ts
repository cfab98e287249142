import { type CalibrationReport, calibrationReport, sessionSeed } from "./calibration.ts";
import { resolveConfig, type SessionConfig } from "./model/config.ts";
import { simulateSession } from "./model/events.ts";
import type { TruthSummary } from "./model/labels.ts";
import { labelRules } from "./model/labels.ts";
import type { SessionPlan } from "./model/plan.ts";
import type { ScenarioName } from "./model/scenarios.ts";

/** A recorded cohort: per session a replay file and its ground truth, plus a summary (no I/O here). */

export interface CohortOptions {
  sessions: number;
  seed: number;
  scenario: ScenarioName;
  rateHz?: number;
}

const DAY_MS = 86_400_000;
const FIRST_START = Date.UTC(2026, 0, 5, 8, 0, 0);

/** The config of session `index` (0-based): six chairs' worth a day, one every 90 min from 08:00. */
export function cohortSessionConfig(options: CohortOptions, index: number): SessionConfig {
  const start = FIRST_START + Math.floor(index / 6) * DAY_MS + (index % 6) * 90 * 60_000;
  return resolveConfig({
    seed: sessionSeed(options.seed, index),
    scenario: options.scenario,
    start: new Date(start).toISOString(),
    ...(options.rateHz === undefined ? {} : { monitor: { rateHz: options.rateHz } }),
  });
}

export const sessionFileName = (index: number) => `session-${String(index + 1).padStart(4, "0")}`;

function iso(plan: SessionPlan, minute: number): string {
  return new Date(plan.startMs + Math.round(minute * 60_000)).toISOString();
}

/** The ground-truth file of a session: patient parameters, labels and artefacts with wall-clock times. */
export function labelsDocument(index: number, plan: SessionPlan, truth: TruthSummary) {
  const p = plan.physiology;
  return {
    session: index + 1,
    seed: plan.config.seed,
    scenario: plan.config.scenario,
    phases: {
      pre_infusion: iso(plan, plan.phaseMin.pre_infusion),
      infusing: iso(plan, plan.phaseMin.infusing),
      recovery: iso(plan, plan.phaseMin.recovery),
      discharged: iso(plan, plan.phaseMin.discharged),
    },
    patient: p.patient,
    infusionNumber: p.infusionNumber,
    doseMg: Math.round(p.patient.weightKg * 0.5 * 10) / 10,
    response: p.response,
    scenarioEffects: p.scenario,
    labels: truth.labels.map((l) => ({
      kind: l.kind,
      start: iso(plan, l.startMin),
      end: iso(plan, l.endMin),
      durationSec: Math.round((l.endMin - l.startMin) * 60),
      worst: l.worst,
    })),
    severeHypertension: truth.severeHypertension,
    reached165over100: truth.reached165over100,
    maxSbp: truth.maxSbp,
    maxDbp: truth.maxDbp,
    artefacts: plan.artefacts.map((a) => ({
      kind: a.kind,
      start: iso(plan, a.startMin),
      end: iso(plan, a.endMin),
      ...(a.kind === "motion" ? { depth: a.depth } : {}),
    })),
  };
}

export interface CohortSessionFiles {
  name: string;
  jsonl: string;
  labels: string;
}

/** Simulates the cohort one session at a time (memory stays flat), handing each session's files over. */
export function simulateCohort(
  options: CohortOptions,
  write: (files: CohortSessionFiles) => void,
): CohortSummary {
  const members: { physiology: SessionPlan["physiology"]; truth: TruthSummary }[] = [];
  const labelCounts: Record<string, number> = Object.fromEntries(labelRules.map((r) => [r.kind, 0]));
  let events = 0;
  for (let i = 0; i < options.sessions; i++) {
    const { plan, events: lines, truth } = simulateSession(cohortSessionConfig(options, i));
    events += lines.length;
    for (const l of truth.labels) labelCounts[l.kind] = (labelCounts[l.kind] ?? 0) + 1;
    members.push({ physiology: plan.physiology, truth });
    write({
      name: sessionFileName(i),
      jsonl: `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`,
      labels: `${JSON.stringify(labelsDocument(i, plan, truth), null, 2)}\n`,
    });
  }
  return {
    generator: "vigil simulator (server/simulator)",
    seed: options.seed,
    sessions: options.sessions,
    scenario: options.scenario,
    events,
    labelDefinitions: Object.fromEntries(labelRules.map((r) => [r.kind, r.definition])),
    labelCounts,
    calibration: calibrationReport(members),
  };
}

export interface CohortSummary {
  generator: string;
  seed: number;
  sessions: number;
  scenario: ScenarioName;
  events: number;
  labelDefinitions: Record<string, string>;
  labelCounts: Record<string, number>;
  calibration: CalibrationReport;
}
