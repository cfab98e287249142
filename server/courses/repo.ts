import type { Kysely, Selectable, Transaction } from "kysely";
import { type CourseKind, infusionLabel } from "../../shared/clinical/courses/numbering.ts";
import type { Course, SessionCourse } from "../../shared/schemas/course.ts";
import { actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { TreatmentCoursesTable } from "../db/tables/patients.ts";
import { iso, isoOrNull } from "../db/time.ts";

type Db = Kysely<Database> | Transaction<Database>;
type CourseRow = Selectable<TreatmentCoursesTable>;

export async function toCourses(db: Db, rows: CourseRow[]): Promise<Course[]> {
  const actors = await actorsById(
    db,
    rows.map((r) => r.started_by),
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    plannedInfusions: r.planned_infusions,
    status: r.status,
    startedAt: iso(r.started_at),
    startedBy: r.started_by ? (actors.get(r.started_by) ?? null) : null,
    reason: r.reason,
    closedAt: isoOrNull(r.closed_at),
  }));
}

export async function coursesOfPatient(db: Db, patientId: string): Promise<CourseRow[]> {
  return db
    .selectFrom("treatment_courses")
    .selectAll()
    .where("patient_id", "=", patientId)
    .orderBy("started_at", "desc")
    .execute();
}

/** The patient's active course and how many infusions it holds (the highest number given). */
export async function activeCourse(
  db: Db,
  patientId: string,
): Promise<{ row: CourseRow; infusions: number } | null> {
  const row = await db
    .selectFrom("treatment_courses")
    .selectAll()
    .where("patient_id", "=", patientId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!row) return null;
  const { max } = await db
    .selectFrom("course_sessions")
    .select((eb) => eb.fn.max<number | null>("infusion_number").as("max"))
    .where("course_id", "=", row.id)
    .executeTakeFirstOrThrow();
  return { row, infusions: max ?? 0 };
}

/** Closes the active course (if any) and opens a new one. */
export async function openCourse(
  trx: Transaction<Database>,
  course: {
    patientId: string;
    kind: CourseKind;
    plannedInfusions: number | null;
    by: string | null;
    reason: string;
  },
  now: Date,
): Promise<CourseRow> {
  await trx
    .updateTable("treatment_courses")
    .set({ status: "closed", closed_at: now })
    .where("patient_id", "=", course.patientId)
    .where("status", "=", "active")
    .execute();
  return trx
    .insertInto("treatment_courses")
    .values({
      id: crypto.randomUUID(),
      patient_id: course.patientId,
      kind: course.kind,
      planned_infusions: course.plannedInfusions,
      status: "active",
      started_at: now,
      started_by: course.by,
      reason: course.reason,
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function sessionCourse(db: Db, sessionId: string): Promise<SessionCourse | null> {
  const link = await db
    .selectFrom("course_sessions")
    .selectAll()
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!link) return null;
  const row = await db
    .selectFrom("treatment_courses")
    .selectAll()
    .where("id", "=", link.course_id)
    .executeTakeFirstOrThrow();
  const [course] = await toCourses(db, [row]);
  return {
    sessionId,
    course: course!,
    infusionNumber: link.infusion_number,
    label: infusionLabel(row.kind, link.infusion_number, row.planned_infusions),
  };
}
