/**
 * Treatment courses: an induction series (typically six infusions over two to three weeks), then
 * maintenance infusions (one every two to six weeks). Pure: the server stores what these decide.
 */
export const courseKinds = ["induction", "maintenance"] as const;
export type CourseKind = (typeof courseKinds)[number];

/** Infusions in an induction series (clinical reference, section 1). */
export const INDUCTION_INFUSIONS = 6;

export interface CourseSoFar {
  kind: CourseKind;
  /** Planned infusions (induction) or null (maintenance: open-ended). */
  plannedInfusions: number | null;
  /** Sessions already linked to the course. */
  infusions: number;
}

export type NextInfusion =
  | { action: "continue"; kind: CourseKind; infusionNumber: number }
  | { action: "new_course"; kind: CourseKind; infusionNumber: 1; plannedInfusions: number | null };

/**
 * Where the patient's next session goes: the active course while it has room, a new induction course for
 * a first infusion, and a new maintenance course once the induction series is complete.
 */
export function nextInfusion(active: CourseSoFar | null): NextInfusion {
  if (!active) {
    return {
      action: "new_course",
      kind: "induction",
      infusionNumber: 1,
      plannedInfusions: INDUCTION_INFUSIONS,
    };
  }
  if (
    active.kind === "induction" &&
    active.plannedInfusions !== null &&
    active.infusions >= active.plannedInfusions
  ) {
    return { action: "new_course", kind: "maintenance", infusionNumber: 1, plannedInfusions: null };
  }
  return { action: "continue", kind: active.kind, infusionNumber: active.infusions + 1 };
}

/** "infusion 3 of 6" in an induction series, "maintenance infusion 2" afterwards. */
export function infusionLabel(
  kind: CourseKind,
  infusionNumber: number,
  plannedInfusions: number | null,
): string {
  if (kind === "maintenance") return `maintenance infusion ${infusionNumber}`;
  if (plannedInfusions === null) return `infusion ${infusionNumber}`;
  if (infusionNumber > plannedInfusions) return `infusion ${infusionNumber} (${plannedInfusions} planned)`;
  return `infusion ${infusionNumber} of ${plannedInfusions}`;
}

/**
 * The phase of treatment of the patient's n-th infusion overall (1-based) when the course runs as
 * planned: induction 1..6, maintenance from then on.
 */
export function phaseOfCourse(
  overallNumber: number,
  planned = INDUCTION_INFUSIONS,
): { kind: CourseKind; infusionNumber: number } {
  if (overallNumber <= planned) return { kind: "induction", infusionNumber: overallNumber };
  return { kind: "maintenance", infusionNumber: overallNumber - planned };
}
