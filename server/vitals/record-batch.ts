import { sql, type Transaction } from "kysely";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import { alertChanges } from "../alerts/run-engine.ts";
import { finalEntry } from "../amendments/amendment-fields.ts";
import { appendAuditBatch, auditActor } from "../audit/log.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { lockSessions, reserveSeqsMany } from "../sessions/repo.ts";
import { auditEntriesFor } from "../sessions/write-audit.ts";
import { activeSessionsIn } from "./chair-sessions.ts";
import { EngineBatch } from "./engine-batch.ts";
import { isUuid, type JobPlan, type JobResult, planJobs, type ReadingJob } from "./reading-job.ts";
import { readingFromRow, toReading } from "./repo.ts";

const insertChunk = 1000;
/** From this many rows on, one jsonb parameter beats a parameter per value; below, the plain VALUES list wins. */
const recordsetMinRows = 16;

/**
 * Records a batch of readings in the caller's transaction, set-wise: the sessions are locked once (in id
 * order), readings inserted with multi-row statements, each session's engine stepped reading by reading,
 * seqs reserved per session and the audit rows appended under one lock. Jobs the planner refuses (404,
 * locked, implausible time, id of another session) fail alone and write nothing.
 */
export async function recordBatch(trx: Transaction<Database>, jobs: ReadingJob[]): Promise<JobResult[]> {
  const chairs = [...new Set(jobs.flatMap((j) => ("chair" in j.target ? [j.target.chair] : [])))];
  const byId = jobs.flatMap((j) => ("sessionId" in j.target ? [j.target.sessionId] : []));
  // One statement finds the chairs' active sessions and locks them with the sessions addressed by id.
  const lockedSessions = await lockSessions(trx, byId.filter(isUuid), chairs);
  const activeInChair = activeSessionsIn(chairs, lockedSessions);
  const stored = await storedReadings(
    trx,
    jobs.map((j) => j.input.id),
  );
  const chairOf = await chairsOf(trx, lockedSessions, chairs.length > 0 ? stored : new Map());
  const plans = planJobs(jobs, { lockedSessions, chairOf, activeInChair, stored });

  const fresh = plans.flatMap((p, i) =>
    p instanceof Error || p.kind !== "new" ? [] : [{ plan: p, job: jobs[i]!, index: i }],
  );
  const inserted = await insertReadings(
    trx,
    fresh.map((f) => f.plan.row),
  );
  const actors = await actorsById(
    trx,
    fresh.map((f) => f.plan.row.recorded_by),
  );
  const engines = await EngineBatch.load(trx, [
    ...new Map(fresh.map((f) => [f.plan.session.id, f.plan.session])).values(),
  ]);
  const changesOf = new Map<number, SessionChange[]>();
  for (const { plan, index } of fresh) {
    const row = inserted.get(plan.row.id)!;
    const reading = toReading(row, actorOf(actors, row.recorded_by), finalEntry());
    const present = Object.fromEntries(
      (["sbp", "dbp", "hr", "spo2", "rr"] as const).flatMap((k) => (row[k] === null ? [] : [[k, row[k]]])),
    );
    const alerts = await engines.step(
      plan.session.id,
      { kind: "vitals", t: row.observed_at.getTime(), source: row.source, ...present },
      plan.now,
    );
    changesOf.set(index, [{ type: "vitals:recorded", reading }, ...alertChanges(alerts)]);
  }
  await engines.save(fresh.at(-1)?.plan.now ?? new Date());

  const counts = new Map<string, number>();
  for (const [i, changes] of changesOf) {
    const id = (plans[i] as Extract<JobPlan, { kind: "new" }>).session.id;
    counts.set(id, (counts.get(id) ?? 0) + changes.length);
  }
  const nextSeq = await reserveSeqsMany(trx, counts);
  await appendAuditBatch(
    trx,
    fresh.flatMap(({ plan, job, index }) =>
      auditEntriesFor(
        plan.session,
        { changes: changesOf.get(index)! },
        auditActor(job.user),
        undefined,
        plan.now,
      ),
    ),
  );

  const results: JobResult[] = [];
  for (const [i, plan] of plans.entries()) {
    if (plan instanceof Error) {
      results.push({ ok: false, error: plan });
    } else if (plan.kind === "replay") {
      const reading = await readingFromRow(trx, plan.row);
      results.push(committed(plan.row.session_id, { reading, alerts: [], created: false }));
    } else if (plan.kind === "duplicate") {
      const first = results[plan.of]!;
      const reading = first.ok ? first.value.response.reading : undefined;
      results.push(reading ? committed(plan.sessionId, { reading, alerts: [], created: false }) : first);
    } else {
      const changes = changesOf.get(i)!;
      const seqs = changes.map(() => {
        const seq = nextSeq.get(plan.session.id)!;
        nextSeq.set(plan.session.id, seq + 1);
        return seq;
      });
      // The session is not among a reading's changes, so no change carries a seq of its own to correct.
      const alerts = changes.flatMap((c) => (c.type === "alert:changed" ? [c.alert] : []));
      const reading = (changes[0] as Extract<SessionChange, { type: "vitals:recorded" }>).reading;
      results.push({
        ok: true,
        value: { sessionId: plan.session.id, response: { reading, alerts, created: true }, changes, seqs },
      });
    }
  }
  return results;
}

/** A job that wrote nothing (a retry): answered with the stored reading, nothing to publish. */
function committed(sessionId: string, response: RecordVitalsResponse): JobResult {
  return { ok: true, value: { sessionId, response, changes: [], seqs: [] } };
}

async function storedReadings(
  trx: Transaction<Database>,
  ids: string[],
): Promise<Map<string, VitalsReadingsTable>> {
  const unique = [...new Set(ids)];
  const rows = await trx.selectFrom("vitals_readings").selectAll().where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The chair of every locked session and of every session a stored reading belongs to (for retries by chair). */
async function chairsOf(
  trx: Transaction<Database>,
  locked: Map<string, { chair: string }>,
  stored: Map<string, VitalsReadingsTable>,
): Promise<Map<string, string>> {
  const result = new Map([...locked].map(([id, s]) => [id, s.chair]));
  const missing = [...new Set([...stored.values()].map((r) => r.session_id))].filter((id) => !result.has(id));
  if (missing.length > 0) {
    const rows = await trx
      .selectFrom("infusion_sessions")
      .select(["id", "chair"])
      .where("id", "in", missing)
      .execute();
    for (const row of rows) result.set(row.id, row.chair);
  }
  return result;
}

const readingColumns = [
  "id",
  "session_id",
  "observed_at",
  "recorded_at",
  "source",
  "sbp",
  "dbp",
  "map",
  "hr",
  "spo2",
  "rr",
  "recorded_by",
] as const;

/**
 * Inserts without RETURNING (parsing the rows back costs more than the insert): what is stored is what was
 * sent (the planner already wrote the id in lower case, as PostgreSQL stores a uuid). Many rows travel as one
 * JSON parameter (jsonb_to_recordset): thousands of bound parameters cost more to build and bind than that.
 */
async function insertReadings(
  trx: Transaction<Database>,
  rows: VitalsReadingsTable[],
): Promise<Map<string, VitalsReadingsTable>> {
  if (rows.length < recordsetMinRows) {
    if (rows.length > 0) await trx.insertInto("vitals_readings").values(rows).execute();
    return new Map(rows.map((row) => [row.id, row]));
  }
  for (let i = 0; i < rows.length; i += insertChunk) {
    // JSON.stringify writes the Dates as ISO instants.
    const chunk = JSON.stringify(rows.slice(i, i + insertChunk));
    await trx
      .insertInto("vitals_readings")
      .columns(readingColumns)
      .expression(
        sql`select ${sql.join(readingColumns.map((c) => sql.ref(c)))} from jsonb_to_recordset(${chunk}::jsonb) as r(
          id uuid, session_id uuid, observed_at timestamptz, recorded_at timestamptz, source text,
          sbp integer, dbp integer, map integer, hr integer, spo2 integer, rr integer, recorded_by uuid)`,
      )
      .execute();
  }
  return new Map(rows.map((row) => [row.id, row]));
}
