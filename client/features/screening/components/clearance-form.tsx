import { type FormEvent, useState } from "react";
import type { Clearance } from "../../../../shared/schemas/screening.ts";
import { recordClearanceRequestSchema } from "../../../../shared/schemas/screening.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { useRecordClearance } from "../api/record-clearance.ts";

const what: Record<Clearance["kind"], string> = {
  baseline_bp: "baseline BP",
  screening: "screening answers",
};

/** A physician clears one blocker with a written reason (stored with who and when). */
export function ClearanceForm({ sessionId, kind }: { sessionId: string; kind: Clearance["kind"] }) {
  const clear = useRecordClearance(sessionId);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  const id = `clearance-${kind}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear.reset();
    const parsed = recordClearanceRequestSchema.safeParse({ kind, reason });
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => i.message));
    setErrors(undefined);
    clear.mutate(parsed.data, { onSuccess: () => setReason("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form-actions">
      <div className="field">
        <label htmlFor={id}>Reason for clearing the {what[kind]}</label>
        <textarea
          id={id}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...describedBy(id, errors)}
        />
        <FieldError id={`${id}-error`} messages={errors} />
      </div>
      <button type="submit" className="button button-primary" disabled={clear.isPending}>
        Clear {what[kind]}
      </button>
      <ErrorBanner error={clear.error} title="Clearance not recorded" />
    </form>
  );
}
