import { isLocked } from "../../shared/clinical/phases.ts";
import { meanArterialPressure } from "../../shared/clinical/vitals.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { IngestVitals, RecordVitals } from "../../shared/schemas/vitals.ts";
import type { AppContext } from "../app-context.ts";
import type { VitalsReadingsTable } from "../db/tables/sessions.ts";
import { notFound, sessionLocked } from "../http/errors.ts";
import type { SessionChange } from "../realtime/publisher.ts";
import { checkObservedAt } from "../sessions/clinical-time.ts";
import { oneSessionInChair, usedByChair, usedBySession } from "./chair-sessions.ts";
import type { PreStepped } from "./pre-stepped.ts";

/** A reading addressed to a session (nurse's form, simulator) or to a chair (device gateway). */
export type ReadingTarget = { sessionId: string } | { chair: string };

export interface ReadingJob {
  ctx: AppContext;
  user: User;
  target: ReadingTarget;
  input: RecordVitals | IngestVitals;
  /** The engine step done on arrival, which the batch may take instead of stepping again. */
  preStepped?: PreStepped;
}

/** What a job did once its batch committed: its answer, and the changes to publish with their seqs. */
export interface CommittedJob {
  sessionId: string;
  response: RecordVitalsResponse;
  changes: SessionChange[];
  seqs: number[];
}

export type JobResult = { ok: true; value: CommittedJob } | { ok: false; error: unknown };

/** What the batch will do for a job, decided before anything is written. */
export type JobPlan =
  | { kind: "replay"; row: VitalsReadingsTable }
  | { kind: "duplicate"; of: number; sessionId: string }
  | { kind: "new"; row: VitalsReadingsTable; session: InfusionSession; now: Date };

/** What the planner needs to know about the batch's sessions and already stored readings. */
export interface PlanContext {
  lockedSessions: Map<string, InfusionSession>;
  chairOf: Map<string, string>;
  activeInChair: Map<string, string[]>;
  stored: Map<string, VitalsReadingsTable>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuid.test(value);

/** A retry must come back to the same session (by id) or the same chair (by chair) as the stored reading. */
function checkSameTarget(job: ReadingJob, storedSessionId: string, plan: PlanContext): void {
  if ("sessionId" in job.target) {
    if (job.target.sessionId !== storedSessionId) throw usedBySession();
  } else if (plan.chairOf.get(storedSessionId) !== job.target.chair) {
    throw usedByChair();
  }
}

export function targetSessionId(job: ReadingJob, activeInChair: Map<string, string[]>): string {
  if ("sessionId" in job.target) return job.target.sessionId;
  return oneSessionInChair(job.target.chair, activeInChair.get(job.target.chair) ?? []);
}

/**
 * Decides each job in arrival order, as if they ran one after the other: a stored id is a replay, an id
 * already taken earlier in the batch a duplicate of that job, anything else a new reading once its session
 * is found, open and its clinical time plausible. A job that fails here fails alone.
 */
export function planJobs(jobs: ReadingJob[], plan: PlanContext): (JobPlan | Error)[] {
  const claimed = new Map<string, { index: number; sessionId: string }>();
  return jobs.map((job, index) => {
    try {
      const { input } = job;
      // PostgreSQL stores a uuid in lower case: an id sent in upper case is still the same reading.
      const id = input.id.toLowerCase();
      const stored = plan.stored.get(id);
      if (stored) {
        checkSameTarget(job, stored.session_id, plan);
        return { kind: "replay", row: stored };
      }
      const first = claimed.get(id);
      if (first) {
        checkSameTarget(job, first.sessionId, plan);
        return { kind: "duplicate", of: first.index, sessionId: first.sessionId };
      }
      const session = plan.lockedSessions.get(targetSessionId(job, plan.activeInChair));
      if (!session) throw notFound("Session");
      if (isLocked(session.phase)) throw sessionLocked();
      const now = job.ctx.now();
      const observedAt = new Date(input.observedAt);
      checkObservedAt(observedAt, session, now);
      const values = {
        sbp: input.sbp ?? null,
        dbp: input.dbp ?? null,
        hr: input.hr ?? null,
        spo2: input.spo2 ?? null,
        rr: input.rr ?? null,
      };
      claimed.set(id, { index, sessionId: session.id });
      const row: VitalsReadingsTable = {
        id,
        session_id: session.id,
        observed_at: observedAt,
        recorded_at: now,
        source: input.source,
        ...values,
        map: values.sbp !== null && values.dbp !== null ? meanArterialPressure(values.sbp, values.dbp) : null,
        recorded_by: job.user.id,
        session_seq: null, // numbered once the batch has stepped its readings
      };
      return { kind: "new", row, session, now };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}
