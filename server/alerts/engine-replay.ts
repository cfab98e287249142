import { type Kysely, sql, type Transaction } from "kysely";
import type { ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import type { EngineState } from "../../shared/clinical/engine/state.ts";
import { step } from "../../shared/clinical/engine/step.ts";
import type { EngineInput } from "../../shared/clinical/engine/types.ts";
import { vitalParameters } from "../../shared/schemas/vitals.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";

type Db = Kysely<Database> | Transaction<Database>;

type ReadingValues = Pick<
  VitalsReadingsTable,
  "observed_at" | "source" | "sbp" | "dbp" | "hr" | "spo2" | "rr"
>;

/** The engine input of a stored reading: exactly what the ingest path stepped. */
export function readingInput(row: ReadingValues): EngineInput {
  const input: EngineInput = { kind: "vitals", t: row.observed_at.getTime(), source: row.source };
  for (const p of vitalParameters) if (row[p] !== null) input[p] = row[p];
  return input;
}

/**
 * The readings stepped after each session's snapshot (session_seq above the given seq), in the order they
 * were stepped, as engine inputs.
 */
export async function readingsAfter(
  db: Db,
  after: ReadonlyMap<string, number>,
): Promise<Map<string, EngineInput[]>> {
  const result = new Map<string, EngineInput[]>();
  if (after.size === 0) return result;
  const values = sql.join([...after].map(([id, seq]) => sql`(${id}::uuid, ${seq}::int)`));
  const { rows } = await sql<ReadingValues & { session_id: string }>`
    select v.session_id, v.observed_at, v.source, v.sbp, v.dbp, v.hr, v.spo2, v.rr
    from vitals_readings as v join (values ${values}) as f(id, seq)
      on v.session_id = f.id and v.session_seq > f.seq
    order by v.session_id, v.session_seq`.execute(db);
  for (const row of rows) {
    const inputs = result.get(row.session_id) ?? [];
    result.set(row.session_id, inputs);
    inputs.push(readingInput({ ...row, observed_at: new Date(row.observed_at) }));
  }
  return result;
}

/**
 * Steps readings onto a state. They were stepped once already, under the same profile, and raised nothing
 * then (a step with events always writes a snapshot), so the events of this replay are already recorded.
 */
export function replay(
  state: EngineState,
  inputs: readonly EngineInput[],
  profile: ThresholdProfile,
): EngineState {
  let current = state;
  for (const input of inputs) current = step(current, input, profile).state;
  return current;
}
