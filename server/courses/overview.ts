import type { Kysely } from "kysely";
import { infusionLabel, nextInfusion } from "../../shared/clinical/courses/numbering.ts";
import { assessResponse } from "../../shared/clinical/courses/response.ts";
import type { PatientCourse } from "../../shared/schemas/course.ts";
import type { Database } from "../db/schema.ts";
import { iso } from "../db/time.ts";
import { listClearances } from "../screening/clearances-repo.ts";
import { infusionFacts } from "./infusion-facts.ts";
import { listOutcomes } from "./outcomes-repo.ts";
import { activeCourse, coursesOfPatient, toCourses } from "./repo.ts";

/** The patient page's course view: courses with their infusions, outcomes, next infusion, response flag. */
export async function patientCourse(db: Kysely<Database>, patientId: string): Promise<PatientCourse> {
  const rows = await coursesOfPatient(db, patientId);
  const courses = await toCourses(db, rows);
  const links = await db
    .selectFrom("course_sessions")
    .innerJoin("infusion_sessions", "infusion_sessions.id", "course_sessions.session_id")
    .select([
      "course_sessions.course_id",
      "course_sessions.session_id",
      "course_sessions.infusion_number",
      "infusion_sessions.chair",
      "infusion_sessions.created_at",
      "infusion_sessions.phase",
      "infusion_sessions.infusion_started_at",
    ])
    .where("infusion_sessions.patient_id", "=", patientId)
    .orderBy("course_sessions.infusion_number")
    .execute();
  const sessionIds = links.map((l) => l.session_id);
  const [facts, outcomes, clearances] = await Promise.all([
    infusionFacts(db, sessionIds),
    listOutcomes(db, { patientId }),
    listClearances(db, sessionIds),
  ]);
  const latestOf = (sessionId: string, instrument: "phq9" | "madrs") =>
    outcomes.filter((o) => o.sessionId === sessionId && o.instrument === instrument).at(-1)?.total ?? null;
  const labelOf = new Map<string, string>();
  const withInfusions = courses.map((course, i) => {
    const row = rows[i]!;
    const infusions = links
      .filter((l) => l.course_id === course.id)
      .map((l) => {
        const label = infusionLabel(row.kind, l.infusion_number, row.planned_infusions);
        labelOf.set(l.session_id, label);
        return {
          sessionId: l.session_id,
          infusionNumber: l.infusion_number,
          label,
          chair: l.chair,
          createdAt: iso(l.created_at),
          phase: l.phase,
          phq9: latestOf(l.session_id, "phq9"),
          madrs: latestOf(l.session_id, "madrs"),
          ...facts.get(l.session_id)!,
          clearances: clearances.filter((c) => c.sessionId === l.session_id),
        };
      });
    return { ...course, infusions };
  });

  const active = await activeCourse(db, patientId);
  const next = nextInfusion(
    active
      ? { kind: active.row.kind, plannedInfusions: active.row.planned_infusions, infusions: active.infusions }
      : null,
  );
  const planned =
    next.action === "new_course" ? next.plannedInfusions : (active?.row.planned_infusions ?? null);

  // The response is judged on the latest induction course: its first PHQ-9 against the patient's latest.
  const induction = rows.find((r) => r.kind === "induction");
  const inductionLinks = links.filter((l) => l.course_id === induction?.id);
  const inductionSessions = new Set(inductionLinks.map((l) => l.session_id));
  const phq9 = outcomes.filter((o) => o.instrument === "phq9");
  const first = phq9.find((o) => inductionSessions.has(o.sessionId))?.total ?? null;
  const latest = phq9.at(-1)?.total ?? null;
  const assessment = assessResponse({
    inductionInfusions: inductionLinks.filter((l) => l.infusion_started_at !== null).length,
    firstScore: first,
    latestScore: latest,
    planned: induction?.planned_infusions ?? undefined,
  });

  return {
    courses: withInfusions,
    activeCourseId: active?.row.id ?? null,
    next: {
      kind: next.kind,
      infusionNumber: next.infusionNumber,
      label: infusionLabel(next.kind, next.infusionNumber, planned),
      newCourse: next.action === "new_course",
    },
    response: { ...assessment, firstPhq9: first, latestPhq9: latest },
    outcomes: outcomes.map((o) => ({ ...o, label: labelOf.get(o.sessionId) ?? "" })),
  };
}
