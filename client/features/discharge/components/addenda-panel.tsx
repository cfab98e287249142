import { type FormEvent, useState } from "react";
import { addAddendumRequestSchema } from "../../../../shared/schemas/addendum.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { useAddAddendum } from "../api/add-addendum.ts";

/** After sign-off: the overrides signed over, the addenda (author, time) and, for clinicians, a form to add one. */
export function AddendaPanel({ detail, canAdd }: { detail: SessionDetail; canAdd: boolean }) {
  const add = useAddAddendum(detail.session.id);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  if (detail.session.phase !== "discharged") return null;
  const addenda = detail.addenda ?? [];
  const overrides = detail.discharge?.overrides ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = addAddendumRequestSchema.safeParse({ text });
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => i.message));
    setErrors(undefined);
    add.mutate(parsed.data.text, { onSuccess: () => setText("") });
  };

  return (
    <section aria-labelledby="addenda-heading" className="panel addenda">
      {overrides.length > 0 ? (
        <>
          <h2 id="overrides-heading">Criteria overridden at sign-off</h2>
          <ul aria-labelledby="overrides-heading" className="plain-list">
            {overrides.map((o) => (
              <li key={o.criterionId}>
                <strong>{o.label}</strong> (not met: {o.unmetReason}) — reason: {o.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="addenda-heading">Addenda ({addenda.length})</h2>
      {addenda.length === 0 ? (
        <p className="muted">No addenda.</p>
      ) : (
        <ul aria-label="Addenda" className="plain-list">
          {addenda.map((a) => (
            <li key={a.id}>
              <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>{" "}
              <strong>{a.author.displayName}</strong>: {a.text}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="addendum-text">Addendum</label>
            <textarea
              id="addendum-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              {...describedBy("addendum-text", errors)}
            />
            <FieldError id="addendum-text-error" messages={errors} />
          </div>
          <ErrorBanner error={add.error} title="Addendum not added" />
          <button type="submit" className="button" disabled={add.isPending}>
            Add addendum
          </button>
        </form>
      ) : null}
    </section>
  );
}
