import type { Transaction } from "kysely";
import { blockingAnswers, questionsFor } from "../../shared/clinical/screening/checklist.ts";
import type { ClearanceScope } from "../../shared/clinical/screening/start-gate.ts";
import { refusalMessage } from "../../shared/clinical/screening/start-gate.ts";
import type {
  PreInfusionStatus,
  RecordClearanceRequest,
  RecordScreeningRequest,
} from "../../shared/schemas/screening.ts";
import { recordScreeningRequestSchema } from "../../shared/schemas/screening.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../http/errors.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { insertClearance } from "./clearances-repo.ts";
import { insertScreening, screeningKindFor } from "./screening-repo.ts";
import { preInfusionState, preInfusionStatus, screeningProfile } from "./status.ts";

const notBeforeInfusion = (what: string) =>
  new HttpError(
    409,
    "conflict",
    `${what} belongs before the infusion starts: this session is past pre-infusion.`,
  );

/** Refuses the start of an infusion (409, naming each value and limit) until every blocker is cleared. */
export async function assertCanStartInfusion(
  trx: Transaction<Database>,
  session: InfusionSession,
): Promise<void> {
  const { gate } = await preInfusionState(trx, session);
  if (!gate.canStart) throw new HttpError(409, "clearance_required", refusalMessage(gate));
}

/** Stores a checklist; every question of the session's checklist must be answered, and only those. */
export async function recordScreening(
  ctx: AppContext,
  user: User,
  sessionId: string,
  body: RecordScreeningRequest,
): Promise<PreInfusionStatus> {
  const input = recordScreeningRequestSchema.parse(body);
  const session = await writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      if (session.phase !== "pre_infusion") throw notBeforeInfusion("Screening");
      const profile = screeningProfile();
      const kind = await screeningKindFor(trx, session);
      const questions = questionsFor(profile, kind);
      const known = new Set(questions.map((q) => q.id));
      const issues = [
        ...questions
          .filter((q) => !input.answers[q.id])
          .map((q) => ({ path: `answers.${q.id}`, message: `${q.label}: must be answered yes or no` })),
        ...Object.keys(input.answers)
          .filter((id) => !known.has(id))
          .map((id) => ({
            path: `answers.${id}`,
            message: `is not a question of the ${kind.replace("_", "-")} checklist`,
          })),
      ];
      if (issues.length > 0) {
        const summary = issues.map((i) => `${i.path} ${i.message}`).join("; ");
        throw new HttpError(400, "validation_failed", `Invalid request: ${summary}`, { issues });
      }
      const blocking = blockingAnswers(profile, kind, input.answers);
      await insertScreening(trx, {
        sessionId,
        kind,
        answers: input.answers,
        medications: input.medications,
        note: input.note,
        blocking,
        profile,
        by: user.id,
        at: ctx.now(),
      });
      return { result: session, changes: [], auditAfter: { kind, ...input, blocking } };
    },
    { actor: user, action: "screening.record" },
  );
  return preInfusionStatus(ctx.db, session);
}

/** A physician clears the open blocker of that kind, with a reason; stored append-only with who and when. */
export async function recordClearance(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: RecordClearanceRequest,
): Promise<PreInfusionStatus> {
  const session = await writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      if (session.phase !== "pre_infusion") throw notBeforeInfusion("A clearance");
      const state = await preInfusionState(trx, session);
      const open = state.gate.blockers.find((b) => b.kind === input.kind && !b.cleared);
      if (!open) {
        const what = input.kind === "baseline_bp" ? "baseline BP" : "screening answer";
        throw new HttpError(
          409,
          "conflict",
          `Nothing to clear: no ${what} is blocking the start of this infusion.`,
        );
      }
      let scope: ClearanceScope;
      let subject: string;
      if (input.kind === "baseline_bp" && state.baseline) {
        const { sbp, dbp } = state.baseline;
        const limits = state.profile.baselineBp;
        scope = { kind: "baseline_bp", sbp, dbp };
        subject = `Baseline BP ${sbp}/${dbp} mmHg (limit ${limits.blockSbp}/${limits.blockDbp})`;
      } else {
        const screening = state.screening!;
        scope = { kind: "screening", screeningId: screening.id };
        subject = `Screening: ${screening.blocking.map((b) => `${b.label}: ${b.answer}`).join("; ")}`;
      }
      await insertClearance(trx, {
        sessionId,
        scope,
        subject,
        reason: input.reason,
        by: user.id,
        at: ctx.now(),
      });
      return { result: session, changes: [], auditAfter: { ...input, scope, subject } };
    },
    { actor: user, action: "clearance.record" },
  );
  return preInfusionStatus(ctx.db, session);
}
