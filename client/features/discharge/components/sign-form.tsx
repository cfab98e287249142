import { type FormEvent, useState } from "react";
import {
  dischargeSignatureMeaning,
  signDischargeRequestSchema,
} from "../../../../shared/schemas/discharge.ts";
import type { CriterionView } from "../../../../shared/schemas/discharge-readiness.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type FieldErrors, toFieldErrors } from "../../../lib/field-errors.ts";
import { useFieldErrors } from "../../../lib/use-field-errors.ts";
import { useSignDischarge } from "../api/sign-discharge.ts";

const overrideKey = (id: string) => `overrides.${id}`;
const overrideRequired = "give a written reason to override this criterion";

/**
 * The physician's electronic signature: the meaning shown and confirmed, the password re-entered,
 * and a written override reason for every unmet criterion (required to sign while it is unmet).
 */
export function SignForm({ sessionId, unmet }: { sessionId: string; unmet: readonly CriterionView[] }) {
  const sign = useSignDischarge(sessionId);
  const [accepted, setAccepted] = useState(false);
  const [password, setPassword] = useState("");
  const [note, setNote] = useState("");
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const fields = ["password", "meaningAccepted", "note", ...unmet.map((c) => overrideKey(c.id))];
  const { shown, setErrors, unplaced, bannerError } = useFieldErrors(sign.error, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    sign.reset();
    const overrides = unmet.map((c) => ({ criterionId: c.id, reason: (reasons[c.id] ?? "").trim() }));
    const missing: FieldErrors = Object.fromEntries(
      overrides.filter((o) => !o.reason).map((o) => [overrideKey(o.criterionId), [overrideRequired]]),
    );
    const parsed = signDischargeRequestSchema.safeParse({
      password,
      meaningAccepted: accepted,
      note: note.trim() || undefined,
      overrides: overrides.filter((o) => o.reason),
    });
    const found = { ...(parsed.success ? {} : toFieldErrors(parsed.error.issues)), ...missing };
    if (!parsed.success || Object.keys(missing).length > 0) return setErrors(found);
    setErrors({});
    sign.mutate(parsed.data, { onError: () => setPassword("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign the discharge">
      {unmet.length > 0 ? (
        <fieldset className="overrides">
          <legend>Unmet criteria: a written override reason is required for each to sign</legend>
          {unmet.map((c) => {
            const id = `override-${c.id}`;
            const messages = shown[overrideKey(c.id)];
            return (
              <div className="field" key={c.id}>
                <label htmlFor={id}>Override reason: {c.label}</label>
                <p className="hint" id={`${id}-hint`}>
                  Not met: {c.reason}
                </p>
                <textarea
                  id={id}
                  rows={2}
                  required
                  value={reasons[c.id] ?? ""}
                  onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
                  {...describedBy(id, messages, `${id}-hint`)}
                />
                <FieldError id={`${id}-error`} messages={messages} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
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
      <ErrorBanner error={bannerError} title="Discharge not signed" issues={unplaced} />
      <button type="submit" className="button button-primary button-large" disabled={sign.isPending}>
        Sign discharge
      </button>
    </form>
  );
}
