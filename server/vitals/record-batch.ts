import type { Transaction } from "kysely";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { Actor, User } from "../../shared/schemas/user.ts";
import { readingInput } from "../alerts/engine-replay.ts";
import { alertChanges } from "../alerts/run-engine.ts";
import { finalEntry } from "../amendments/amendment-fields.ts";
import { auditActor, auditRows } from "../audit/log.ts";
import { fixedStatement } from "../db/fixed-statement.ts";
import type { Database } from "../db/schema.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { lockSessions } from "../sessions/repo.ts";
import { auditEntriesFor } from "../sessions/write-audit.ts";
import { readBatch } from "./batch-reads.ts";
import { writeBatch } from "./batch-write.ts";
import { activeSessionsIn } from "./chair-sessions.ts";
import { EngineBatch } from "./engine-batch.ts";
import type { CachedEngine, EngineCache } from "./engine-cache.ts";
import { isUuid, type JobResult, planJobs, type ReadingJob } from "./reading-job.ts";
import { readingFromRow, toReading } from "./repo.ts";

/** The jobs' results, and the engine states the node may keep once the batch has committed. */
export interface RecordedBatch {
  results: JobResult[];
  cacheUpdates: Map<string, CachedEngine>;
}

/**
 * Records a batch of readings in the caller's transaction, set-wise: the sessions are locked once (in id
 * order), each session's engine stepped reading by reading, seqs numbered on from each locked session's,
 * then one statement writes the readings (with their seq), the sessions' new seqs and the audit rows
 * (batch-write.ts). Jobs the planner refuses (404, locked, implausible time, id of another session) fail
 * alone and write nothing.
 */
export async function recordBatch(
  trx: Transaction<Database>,
  jobs: ReadingJob[],
  cache: EngineCache,
): Promise<RecordedBatch> {
  const chairs = [...new Set(jobs.flatMap((j) => ("chair" in j.target ? [j.target.chair] : [])))];
  const byId = jobs.flatMap((j) => ("sessionId" in j.target ? [j.target.sessionId] : []));
  // One statement finds the chairs' active sessions and locks them with the sessions addressed by id.
  const lockedSessions = await lockSessions(trx, byId.filter(isUuid), chairs);
  // One more reads the rest under the locks: the readings already stored (a retry's id arrives as sent,
  // a UUID by the shared schema: PostgreSQL matches it in any case), and the sessions' engine metas and
  // open alerts.
  const reads = await readBatch(
    trx,
    jobs.map((j) => j.input.id),
    [...lockedSessions.keys()],
  );
  const activeInChair = activeSessionsIn(chairs, lockedSessions);
  const stored = await storedReadings(trx, reads.storedIds);
  const chairOf = await chairsOf(trx, lockedSessions, chairs.length > 0 ? stored : new Map());
  const plans = planJobs(jobs, { lockedSessions, chairOf, activeInChair, stored });

  const fresh = plans.flatMap((p, i) =>
    p instanceof Error || p.kind !== "new" ? [] : [{ plan: p, job: jobs[i]!, index: i }],
  );
  const engines = await EngineBatch.load(
    trx,
    [...new Map(fresh.map((f) => [f.plan.session.id, f.plan.session])).values()],
    cache,
    reads,
  );
  const changesOf = new Map<number, SessionChange[]>();
  for (const { plan, job, index } of fresh) {
    const { row } = plan;
    // The recorder is the request's user: what a stored reading would say of it.
    const reading = toReading(row, actorFromUser(job.user), finalEntry());
    const alerts = await engines.step(plan.session.id, readingInput(row), plan.now, job.preStepped);
    changesOf.set(index, [{ type: "vitals:recorded", reading }, ...alertChanges(alerts)]);
  }

  const counts = new Map<string, number>();
  for (const { plan, index } of fresh) {
    counts.set(plan.session.id, (counts.get(plan.session.id) ?? 0) + changesOf.get(index)!.length);
  }
  // The sessions are locked: each one's seq as read is current, and its next numbers are this batch's.
  const nextSeq = new Map([...counts.keys()].map((id) => [id, lockedSessions.get(id)!.seq + 1]));
  const seqsOf = new Map<number, number[]>();
  for (const { plan, index } of fresh) {
    const seqs = changesOf.get(index)!.map(() => {
      const seq = nextSeq.get(plan.session.id)!;
      nextSeq.set(plan.session.id, seq + 1);
      return seq;
    });
    // The engine replays a session's readings in this order (see EngineBatch).
    plan.row.session_seq = seqs[0]!;
    seqsOf.set(index, seqs);
  }
  const lastSeqs = new Map([...nextSeq].map(([id, next]) => [id, next - 1]));
  const cacheUpdates = await engines.save(fresh.at(-1)?.plan.now ?? new Date(), lastSeqs);
  await writeBatch(trx, {
    seqCounts: counts,
    readings: fresh.map((f) => f.plan.row),
    audit: auditRows(
      fresh.flatMap(({ plan, job, index }) =>
        auditEntriesFor(
          plan.session,
          { changes: changesOf.get(index)! },
          auditActor(job.user),
          undefined,
          plan.now,
        ),
      ),
    ),
  });

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
      const seqs = seqsOf.get(i)!;
      // The session is not among a reading's changes, so no change carries a seq of its own to correct.
      const alerts = changes.flatMap((c) => (c.type === "alert:changed" ? [c.alert] : []));
      const reading = (changes[0] as Extract<SessionChange, { type: "vitals:recorded" }>).reading;
      results.push({
        ok: true,
        value: { sessionId: plan.session.id, response: { reading, alerts, created: true }, changes, seqs },
      });
    }
  }
  return { results, cacheUpdates };
}

/** A job that wrote nothing (a retry): answered with the stored reading, nothing to publish. */
function committed(sessionId: string, response: RecordVitalsResponse): JobResult {
  return { ok: true, value: { sessionId, response, changes: [], seqs: [] } };
}

async function storedReadings(
  trx: Transaction<Database>,
  ids: string[],
): Promise<Map<string, VitalsReadingsTable>> {
  if (ids.length === 0) return new Map();
  const rows = await storedReadingRows(trx, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

const storedReadingRows = fixedStatement<VitalsReadingsTable>(
  "select * from vitals_readings where id = any($1::uuid[])",
);

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

const actorFromUser = (user: User): Actor => ({
  id: user.id,
  displayName: user.displayName,
  role: user.role,
});
