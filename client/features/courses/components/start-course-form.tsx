import { type FormEvent, useState } from "react";
import type { CourseKind } from "../../../../shared/clinical/courses/numbering.ts";
import { startCourseRequestSchema } from "../../../../shared/schemas/course.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type FieldErrors, toFieldErrors } from "../../../lib/field-errors.ts";
import { useStartCourse } from "../api/start-course.ts";

/** A physician opens a new course (maintenance, or a new induction); the active course is closed. */
export function StartCourseForm({ patientId }: { patientId: string }) {
  const start = useStartCourse(patientId);
  const [kind, setKind] = useState<CourseKind>("maintenance");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.reset();
    const parsed = startCourseRequestSchema.safeParse({ kind, reason });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    start.mutate(parsed.data, { onSuccess: () => setReason("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="start-course-heading">
      <h3 id="start-course-heading">Start a new course (physician)</h3>
      <div className="form-actions">
        <div className="field">
          <label htmlFor="course-kind">Course type</label>
          <select id="course-kind" value={kind} onChange={(e) => setKind(e.target.value as CourseKind)}>
            <option value="maintenance">Maintenance (one infusion every 2-6 weeks)</option>
            <option value="induction">Induction (6 infusions over 2-3 weeks)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="course-reason">Reason for the new course</label>
          <input
            id="course-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...describedBy("course-reason", errors.reason)}
          />
          <FieldError id="course-reason-error" messages={errors.reason} />
        </div>
        <button type="submit" className="button" disabled={start.isPending}>
          Start new course
        </button>
      </div>
      <ErrorBanner error={start.error} title="Course not started" />
    </form>
  );
}
