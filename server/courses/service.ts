import { INDUCTION_INFUSIONS } from "../../shared/clinical/courses/numbering.ts";
import type { PatientCourse, StartCourseRequest } from "../../shared/schemas/course.ts";
import type { OutcomeScore, RecordOutcomeRequest } from "../../shared/schemas/outcome.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { findPatientRow } from "../patients/repo.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { insertOutcome } from "./outcomes-repo.ts";
import { patientCourse } from "./overview.ts";
import { openCourse } from "./repo.ts";

/** A physician starts a new course (e.g. maintenance after induction); the active one is closed. */
export async function startCourse(
  ctx: AppContext,
  user: User,
  patientId: string,
  input: StartCourseRequest,
): Promise<PatientCourse> {
  await ctx.db.transaction().execute(async (trx) => {
    const patient = await trx
      .selectFrom("patients")
      .select("id")
      .where("id", "=", patientId)
      .forUpdate()
      .executeTakeFirst();
    if (!patient) throw notFound("Patient");
    const plannedInfusions = input.kind === "induction" ? INDUCTION_INFUSIONS : null;
    await openCourse(
      trx,
      { patientId, kind: input.kind, plannedInfusions, by: user.id, reason: input.reason },
      ctx.now(),
    );
  });
  return patientCourse(ctx.db, patientId);
}

export async function getPatientCourse(ctx: AppContext, patientId: string): Promise<PatientCourse> {
  if (!(await findPatientRow(ctx.db, patientId))) throw notFound("Patient");
  return patientCourse(ctx.db, patientId);
}

/** A PHQ-9 or MADRS for the session (refused once the session is discharged and locked). */
export async function recordOutcome(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: RecordOutcomeRequest,
): Promise<OutcomeScore> {
  return writeToSession(
    ctx,
    sessionId,
    async (trx, session) => {
      const score = await insertOutcome(trx, {
        patientId: session.patientId,
        sessionId,
        input,
        by: user.id,
        at: ctx.now(),
      });
      return { result: score, changes: [], auditAfter: score };
    },
    { actor: user, action: "outcome.record" },
  );
}
