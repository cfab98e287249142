import { alertParameters, alertPriorities } from "../../schemas/alert.ts";
import { phases } from "../../schemas/session.ts";
import type { EngineState, OpenAlert, PersistenceRun, Sample } from "./state.ts";

/**
 * A hand-written reader for the stored (version 2) engine state, for the hot path: the server reloads a
 * session's state on every batch, and the zod parse cost more than stepping the engine. It accepts only a
 * state exactly as serializeState writes it (no unknown key, every field of its type) and answers
 * undefined for anything else, which parseState then hands to the full schema: it never accepts more than
 * the schema does, and for what it accepts it builds the same value.
 */
export function readStoredState(input: unknown): EngineState | undefined {
  if (!isRecord(input) || !onlyKeys(input, stateKeys) || input.version !== 2) return undefined;
  const phase = input.phase;
  if (typeof phase !== "string" || !phaseSet.has(phase)) return undefined;
  const baseline = perVital(input.baseline, vitalKeys, (v) => (isNumber(v) ? v : undefined));
  const preInfusion = perVital(input.preInfusion, vitalKeys, unpackSamples);
  const recent = perVital(input.recent, recentKeys, unpackSamples);
  const persistence = perVital(input.persistence, vitalKeys, readRun);
  const alerts = readAlerts(input.alerts);
  const { phaseStartedAt, baselineFixedAt, lastBpAt, lastMonitorAt, staleWatchSince, monitorSeen } = input;
  if (
    !baseline ||
    !preInfusion ||
    !recent ||
    !persistence ||
    !alerts ||
    !isMillisOrNull(phaseStartedAt) ||
    !isMillisOrNull(baselineFixedAt) ||
    !isMillisOrNull(lastBpAt) ||
    !isMillisOrNull(lastMonitorAt) ||
    !isMillisOrNull(staleWatchSince) ||
    typeof monitorSeen !== "boolean"
  ) {
    return undefined;
  }
  return {
    version: 1,
    phase: phase as EngineState["phase"],
    phaseStartedAt,
    baseline,
    baselineFixedAt,
    preInfusion,
    recent,
    persistence,
    lastBpAt,
    monitorSeen,
    lastMonitorAt,
    staleWatchSince,
    alerts,
  };
}

const stateKeys = new Set([
  "version",
  "phase",
  "phaseStartedAt",
  "baseline",
  "baselineFixedAt",
  "preInfusion",
  "recent",
  "persistence",
  "lastBpAt",
  "monitorSeen",
  "lastMonitorAt",
  "staleWatchSince",
  "alerts",
]);
const vitalKeys = new Set(["sbp", "dbp", "hr", "spo2", "rr"]);
const recentKeys = new Set([...vitalKeys, "moaas"]);
const runKeys = new Set(["lastT", "lastValue", "since"]);
const sinceKeys = new Set(["high", "medium", "low"]);
const alertKeys = new Set([
  "parameter",
  "priority",
  "message",
  "value",
  "raisedAt",
  "prioritySince",
  "acknowledged",
  "escalatedAt",
  "conditionCleared",
]);
const acknowledgedKeys = new Set(["at", "by"]);
const phaseSet: ReadonlySet<string> = new Set(phases);
const parameterSet: ReadonlySet<string> = new Set(alertParameters);
const prioritySet: ReadonlySet<string> = new Set(alertPriorities);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function onlyKeys(record: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in record) if (!allowed.has(key)) return false;
  return true;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isMillis = (value: unknown): value is number => Number.isSafeInteger(value);
const isMillisOrNull = (value: unknown): value is number | null => value === null || isMillis(value);

/** An object of optional per-parameter entries, each read by `read` (undefined: not valid). */
function perVital<T>(
  value: unknown,
  keys: ReadonlySet<string>,
  read: (entry: unknown) => T | undefined,
): Record<string, T> | undefined {
  if (!isRecord(value) || !onlyKeys(value, keys)) return undefined;
  const out: Record<string, T> = {};
  for (const key in value) {
    const entry = read(value[key]);
    if (entry === undefined) return undefined;
    out[key] = entry;
  }
  return out;
}

function readRun(value: unknown): PersistenceRun | undefined {
  if (!isRecord(value) || !onlyKeys(value, runKeys)) return undefined;
  const { lastT, lastValue, since } = value;
  if (!isMillis(lastT) || !isNumber(lastValue) || !isRecord(since) || !onlyKeys(since, sinceKeys)) {
    return undefined;
  }
  const outSince: PersistenceRun["since"] = {};
  for (const key in since) {
    const t = since[key];
    if (!isMillis(t)) return undefined;
    outSince[key as keyof PersistenceRun["since"]] = t;
  }
  return { lastT, lastValue, since: outSince };
}

function readAlerts(value: unknown): OpenAlert[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: OpenAlert[] = [];
  for (const alert of value) {
    if (!isRecord(alert) || !onlyKeys(alert, alertKeys)) return undefined;
    const { parameter, priority, message, raisedAt, prioritySince, acknowledged, escalatedAt } = alert;
    const { value: reading, conditionCleared } = alert;
    if (
      typeof parameter !== "string" ||
      !parameterSet.has(parameter) ||
      typeof priority !== "string" ||
      !prioritySet.has(priority) ||
      typeof message !== "string" ||
      !(reading === null || isNumber(reading)) ||
      !isMillis(raisedAt) ||
      !isMillis(prioritySince) ||
      !isMillisOrNull(escalatedAt) ||
      typeof conditionCleared !== "boolean"
    ) {
      return undefined;
    }
    let ack: OpenAlert["acknowledged"] = null;
    if (acknowledged !== null) {
      if (!isRecord(acknowledged) || !onlyKeys(acknowledged, acknowledgedKeys)) return undefined;
      if (!isMillis(acknowledged.at)) return undefined;
      if ("by" in acknowledged && typeof acknowledged.by !== "string") return undefined;
      ack =
        "by" in acknowledged
          ? { at: acknowledged.at, by: acknowledged.by as string }
          : { at: acknowledged.at };
    }
    out.push({
      parameter: parameter as OpenAlert["parameter"],
      priority: priority as OpenAlert["priority"],
      message,
      value: reading,
      raisedAt,
      prioritySince,
      acknowledged: ack,
      escalatedAt,
      conditionCleared,
    });
  }
  return out;
}

/**
 * "t0,v0,t1-t0,v1,…" back to samples. Each number must be written exactly as String(number) writes it (so
 * "01", "1.0" or "-0" are not), times as integers: the plain integers packSamples writes are checked digit
 * by digit, any other token by the round trip the schema uses.
 */
function unpackSamples(value: unknown): Sample[] | undefined {
  if (typeof value !== "string") return undefined;
  if (value === "") return [];
  const samples: Sample[] = [];
  let t = 0;
  let pendingStep = 0;
  let index = 0;
  let start = 0;
  const length = value.length;
  for (let end = 0; end <= length; end++) {
    if (end < length && value.charCodeAt(end) !== 44 /* , */) continue;
    const n = plainInteger(value, start, end) ?? otherNumber(value.slice(start, end));
    if (n === undefined || (index % 2 === 0 && !Number.isInteger(n))) return undefined;
    if (index % 2 === 0) pendingStep = n;
    else {
      t += pendingStep;
      samples.push({ t, v: n });
    }
    index++;
    start = end + 1;
  }
  return index % 2 === 0 ? samples : undefined;
}

/** An integer of at most 15 digits, no leading zero and not "-0" (so String(n) writes it the same), else undefined. */
function plainInteger(text: string, start: number, end: number): number | undefined {
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  const digits = end - i;
  if (digits < 1 || digits > 15) return undefined;
  if (text.charCodeAt(i) === 48 /* 0 */ && (digits > 1 || negative)) return undefined;
  let n = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return negative ? -n : n;
}

/** The schema's own rule for any other token: a number that String() writes back as the same text. */
function otherNumber(token: string): number | undefined {
  const n = Number(token);
  return String(n) === token ? n : undefined;
}
