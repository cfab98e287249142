import type { Transaction } from "kysely";
import type { EngineState, Sample } from "../../shared/clinical/engine/state.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { type VitalParameter, vitalParameters } from "../../shared/schemas/vitals.ts";
import { effectiveKeyedProfile } from "../alerts/effective-profiles.ts";
import { loadEngineState, saveEngineState } from "../alerts/engine-store.ts";
import type { Database } from "../db/schema.ts";

export type ExcludedValues = Partial<Record<VitalParameter | "moaas", number>>;

function withoutSample(samples: readonly Sample[] | undefined, t: number, v: number): Sample[] | undefined {
  if (!samples) return undefined;
  const i = samples.findIndex((s) => s.t === t && s.v === v);
  return i === -1 ? undefined : samples.filter((_, j) => j !== i);
}

/**
 * Takes an entry entered in error out of the engine's memory, so it weighs on nothing from now on:
 * the recent samples (confirmation, late-entry detection), the pre-infusion samples the baseline is
 * made of, and a monitor persistence run it ended. Pure; returns the parameters whose pre-infusion
 * samples changed (the caller rebuilds those and the baseline). Alerts already raised stay as they are.
 */
export function excludeSamples(
  input: EngineState,
  t: number,
  values: ExcludedValues,
): { state: EngineState; preInfusionChanged: VitalParameter[] } {
  const state = structuredClone(input);
  const preInfusionChanged: VitalParameter[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const parameter = key as VitalParameter | "moaas";
    const recent = withoutSample(state.recent[parameter], t, v);
    if (recent) state.recent[parameter] = recent;
    if (parameter === "moaas") continue;
    const pre = withoutSample(state.preInfusion[parameter], t, v);
    if (pre) {
      state.preInfusion[parameter] = pre;
      preInfusionChanged.push(parameter);
    }
    if (state.persistence[parameter]?.lastT === t) delete state.persistence[parameter];
  }
  return { state, preInfusionChanged };
}

/** The mean of the kept pre-infusion samples, as the engine fixes it. */
export function recomputeBaseline(state: EngineState, parameters: VitalParameter[]): void {
  if (state.baselineFixedAt === null) return;
  for (const p of parameters) {
    const samples = state.preInfusion[p] ?? [];
    if (samples.length === 0) delete state.baseline[p];
    else state.baseline[p] = samples.reduce((sum, s) => sum + s.v, 0) / samples.length;
  }
}

/** Valid (not amended) readings of the session, except `exceptId`, oldest first. */
async function validReadings(trx: Transaction<Database>, sessionId: string, exceptId: string | null) {
  let query = trx
    .selectFrom("vitals_readings")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reading_amendments")
            .select("reading_amendments.reading_id")
            .whereRef("reading_amendments.reading_id", "=", "vitals_readings.id"),
        ),
      ),
    )
    .orderBy("observed_at");
  if (exceptId) query = query.where("id", "<>", exceptId);
  return query.execute();
}

/**
 * Applies an amendment to the session's stored engine state, inside the amendment's transaction
 * (the amendment row is already written): samples out, pre-infusion samples and baseline rebuilt from
 * the valid readings before the infusion started, the last BP time from the valid readings.
 */
export async function excludeFromEngine(
  trx: Transaction<Database>,
  session: InfusionSession,
  entry: { t: number; values: ExcludedValues; exceptId: string | null },
  now: Date,
): Promise<void> {
  const keyed = await effectiveKeyedProfile(trx, session.id);
  const { profile } = keyed;
  const { state, preInfusionChanged } = excludeSamples(
    await loadEngineState(trx, session),
    entry.t,
    entry.values,
  );
  const hasBp = entry.values.sbp !== undefined || entry.values.dbp !== undefined;
  const needsReadings = preInfusionChanged.length > 0 || (hasBp && state.lastBpAt === entry.t);
  if (needsReadings) {
    const rows = await validReadings(trx, session.id, entry.exceptId);
    const startedAt = session.infusionStartedAt
      ? Date.parse(session.infusionStartedAt)
      : Number.POSITIVE_INFINITY;
    for (const p of preInfusionChanged) {
      state.preInfusion[p] = rows
        .filter((r) => r[p] !== null && r.observed_at.getTime() < startedAt)
        .map((r) => ({ t: r.observed_at.getTime(), v: r[p]! }))
        .slice(-profile.baseline.readings);
    }
    recomputeBaseline(state, preInfusionChanged);
    if (hasBp && state.lastBpAt === entry.t) {
      const lastBp = rows.filter((r) => r.sbp !== null || r.dbp !== null).at(-1);
      state.lastBpAt = lastBp ? lastBp.observed_at.getTime() : null;
    }
  }
  await saveEngineState(trx, session.id, state, keyed, now);
}

export const vitalValues = (row: Record<VitalParameter, number | null>): ExcludedValues =>
  Object.fromEntries(vitalParameters.filter((p) => row[p] !== null).map((p) => [p, row[p]!]));
