import { lazy, Suspense } from "react";
import type { Role } from "../../../../shared/schemas/user.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { usePatientCourse } from "../api/get-patient-course.ts";
import { InfusionsTable } from "./infusions-table.tsx";
import { StartCourseForm } from "./start-course-form.tsx";

// recharts is heavy: the chart loads on demand
const OutcomeChart = lazy(() => import("./outcome-chart.tsx"));

const kindLabel = { induction: "Induction", maintenance: "Maintenance" } as const;

/** The patient's treatment: active course, response flag, outcome chart and every infusion. */
export function CoursePanel({ patientId, role }: { patientId: string; role: Role }) {
  const { data, error, isPending } = usePatientCourse(patientId);
  const active = data?.courses.find((c) => c.id === data.activeCourseId);
  return (
    <section aria-labelledby="course-heading" className="panel">
      <h2 id="course-heading">Treatment course</h2>
      <ErrorBanner error={error} title="Could not load the course" />
      {isPending ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <p>
            {active
              ? `${kindLabel[active.kind]} course since ${new Date(active.startedAt).toLocaleDateString()}.`
              : "No course yet."}{" "}
            Next session: <strong>{data.next.label}</strong>
            {data.next.newCourse ? ` (opens a new ${data.next.kind} course)` : ""}.
          </p>
          {data.response.status === "non_response" ? (
            <div role="alert" className="banner banner-error">
              <strong>Physician review: </strong>
              {data.response.message}
            </div>
          ) : (
            <p className="muted">{data.response.message}</p>
          )}
          {data.outcomes.length > 0 ? (
            <Suspense fallback={<p className="muted">Loading chart…</p>}>
              <OutcomeChart outcomes={data.outcomes} />
            </Suspense>
          ) : (
            <p className="muted">No PHQ-9 or MADRS recorded yet.</p>
          )}
          {data.courses.map((course) => (
            <InfusionsTable key={course.id} course={course} />
          ))}
          {role === "physician" ? <StartCourseForm patientId={patientId} /> : null}
        </>
      ) : null}
    </section>
  );
}
