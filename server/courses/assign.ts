import type { Transaction } from "kysely";
import { nextInfusion } from "../../shared/clinical/courses/numbering.ts";
import type { Database } from "../db/schema.ts";
import { activeCourse, openCourse } from "./repo.ts";

/**
 * Puts a new session into the patient's course, inside the session's transaction: the patient row is
 * locked so two sessions started at once get consecutive numbers. The active course continues; a first
 * infusion opens an induction course; a completed induction series opens a maintenance course.
 */
export async function assignToCourse(
  trx: Transaction<Database>,
  patientId: string,
  sessionId: string,
  now: Date,
): Promise<void> {
  await trx.selectFrom("patients").select("id").where("id", "=", patientId).forUpdate().execute();
  const active = await activeCourse(trx, patientId);
  const next = nextInfusion(
    active
      ? { kind: active.row.kind, plannedInfusions: active.row.planned_infusions, infusions: active.infusions }
      : null,
  );
  let courseId = active?.row.id;
  if (next.action === "new_course" || !courseId) {
    const reason = active
      ? "Induction series complete: maintenance starts."
      : "First infusion: induction course opened.";
    const plannedInfusions = next.action === "new_course" ? next.plannedInfusions : null;
    const course = await openCourse(
      trx,
      { patientId, kind: next.kind, plannedInfusions, by: null, reason },
      now,
    );
    courseId = course.id;
  }
  await trx
    .insertInto("course_sessions")
    .values({ session_id: sessionId, course_id: courseId, infusion_number: next.infusionNumber })
    .execute();
}
