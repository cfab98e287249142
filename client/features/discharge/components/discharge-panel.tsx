import { type FormEvent, useState } from "react";
import {
  dischargeSignatureMeaning,
  signDischargeRequestSchema,
} from "../../../../shared/schemas/discharge.ts";
import type { SessionDetail } from "../../../../shared/schemas/session-views.ts";
import type { Role } from "../../../../shared/schemas/user.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { canSignDischarge } from "../../auth/roles.ts";
import { useSignDischarge } from "../api/sign-discharge.ts";

const fields = ["password", "meaningAccepted", "note"];

/** In recovery: the physician signs the discharge with a re-entered password, which locks the record. */
export function DischargePanel({ detail, role }: { detail: SessionDetail; role: Role }) {
  const sign = useSignDischarge(detail.session.id);
  const [accepted, setAccepted] = useState(false);
  const [password, setPassword] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  if (detail.session.phase !== "recovery") return null;
  const server = splitServerIssues(sign.error, fields);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    sign.reset();
    const parsed = signDischargeRequestSchema.safeParse({
      password,
      meaningAccepted: accepted,
      note: note.trim() || undefined,
    });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    sign.mutate(parsed.data, { onError: () => setPassword("") });
  };

  return (
    <section aria-labelledby="discharge-heading" className="panel discharge">
      <h2 id="discharge-heading">Discharge</h2>
      {!canSignDischarge(role) ? (
        <p>Awaiting the physician’s discharge signature.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="signature-meaning" id="signature-meaning">
            <strong>Meaning of this signature:</strong> {dischargeSignatureMeaning}
          </p>
          <div className="field checkbox-field">
            <input
              id="discharge-accept"
              type="checkbox"
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
              {...describedBy("discharge-accept", shown.meaningAccepted, "signature-meaning")}
            />
            <label htmlFor="discharge-accept">I confirm the meaning of this signature</label>
            <FieldError id="discharge-accept-error" messages={shown.meaningAccepted} />
          </div>
          <div className="field">
            <label htmlFor="discharge-password">Password (signature)</label>
            <input
              id="discharge-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...describedBy("discharge-password", shown.password)}
            />
            <FieldError id="discharge-password-error" messages={shown.password} />
          </div>
          <div className="field">
            <label htmlFor="discharge-note">Discharge note (optional)</label>
            <textarea
              id="discharge-note"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              {...describedBy("discharge-note", shown.note)}
            />
            <FieldError id="discharge-note-error" messages={shown.note} />
          </div>
          <ErrorBanner
            error={
              server.unplaced.length > 0 || Object.keys(server.fieldErrors).length === 0 ? sign.error : null
            }
            title="Discharge not signed"
            issues={server.unplaced}
          />
          <button type="submit" className="button button-primary button-large" disabled={sign.isPending}>
            Sign discharge
          </button>
        </form>
      )}
    </section>
  );
}
