import { type FormEvent, useState } from "react";
import { MADRS_MAX } from "../../../../shared/clinical/courses/outcomes.ts";
import { recordOutcomeRequestSchema } from "../../../../shared/schemas/outcome.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { useRecordOutcome } from "../api/record-outcome.ts";

/** The optional clinician-rated MADRS total (0-60). */
export function MadrsForm({ sessionId }: { sessionId: string }) {
  const record = useRecordOutcome(sessionId);
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.reset();
    const total = value.trim() === "" ? undefined : Number(value);
    const parsed = recordOutcomeRequestSchema.safeParse({ instrument: "madrs", total });
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => i.message));
    setErrors(undefined);
    record.mutate(parsed.data, { onSuccess: () => setValue("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form-actions">
      <div className="field">
        <label htmlFor="madrs-total">MADRS total (optional, 0-{MADRS_MAX})</label>
        <input
          id="madrs-total"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...describedBy("madrs-total", errors)}
        />
        <FieldError id="madrs-total-error" messages={errors} />
      </div>
      <button type="submit" className="button" disabled={record.isPending}>
        Record MADRS
      </button>
      <ErrorBanner error={record.error} title="MADRS not recorded" />
      {record.isSuccess ? (
        <p className="muted">
          MADRS recorded: {record.data.total} ({record.data.severity}).
        </p>
      ) : null}
    </form>
  );
}
