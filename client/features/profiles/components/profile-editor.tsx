import { type FormEvent, useRef, useState } from "react";
import type { ThresholdProfile } from "../../../../shared/clinical/engine/profile.ts";
import type { UpdateProfileRequest } from "../../../../shared/schemas/profile.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type ApiIssue, isApiError } from "../../../lib/api-client.ts";
import type { FieldErrors } from "../../../lib/field-errors.ts";
import { errorsByKey, issueToKey, levelParameters, validateRequest } from "../profile-draft.ts";
import { useProfileDraft } from "../use-profile-draft.ts";
import { LevelEditor } from "./level-editor.tsx";
import { SettingsEditor, settingsPaths } from "./settings-editor.tsx";

interface Props {
  initial: ThresholdProfile;
  /** Prefix of the field ids: two editors may share a page. */
  idPrefix: string;
  heading: string;
  submitLabel: string;
  pending: boolean;
  /** The last save's error: its issues are shown next to their fields. */
  error: unknown;
  onSave: (body: UpdateProfileRequest, onSaved: () => void) => void;
}

const levelFieldKeys =
  /^(vitals\.[a-z0-9]+|moaas)\.(levels(\.\d+\.(op|value|priority|basis|confirm\.withinMinutes))?|clearMargin)$/;

function isPlaced(key: string): boolean {
  return key === "reason" || levelFieldKeys.test(key) || settingsPaths.includes(key);
}

/** Edits a threshold profile (levels, margins, timers) with a required reason; one editor for clinic and session. */
export function ProfileEditor({ initial, idPrefix, heading, submitLabel, pending, error, onSave }: Props) {
  const draft = useProfileDraft(initial);
  // uncontrolled: typing a long reason must not re-render every level row
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const serverIssues: ApiIssue[] = isApiError(error) ? error.issues : [];
  const errors = clientErrors ?? errorsByKey(serverIssues);
  const unplaced = clientErrors
    ? Object.entries(clientErrors)
        .filter(([k]) => !isPlaced(k))
        .map(([path, m]) => ({ path, message: m.join("; ") }))
    : serverIssues.filter((i) => !isPlaced(issueToKey(i.path)));
  const reasonId = `${idPrefix}-reason`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const result = validateRequest(draft.profile, reasonRef.current?.value ?? "");
    if (!result.ok) return setClientErrors(result.errors);
    setClientErrors(null);
    onSave(result.body, () => {
      if (reasonRef.current) reasonRef.current.value = "";
      setSaved("Saved.");
    });
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <form className="profile-editor" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h3 id={headingId}>{heading}</h3>
      {levelParameters.map((p) => (
        <LevelEditor key={p} parameter={p} draft={draft} errors={errors} idPrefix={idPrefix} />
      ))}
      <SettingsEditor draft={draft} errors={errors} idPrefix={idPrefix} />
      <div className="field">
        <label htmlFor={reasonId}>Reason for change</label>
        <textarea
          id={reasonId}
          rows={2}
          required
          aria-required="true"
          ref={reasonRef}
          defaultValue=""
          {...describedBy(reasonId, errors.reason)}
        />
        <FieldError id={`${reasonId}-error`} messages={errors.reason} />
      </div>
      <ErrorBanner
        error={!clientErrors && error && (unplaced.length > 0 || serverIssues.length === 0) ? error : null}
        title="Profile not saved"
        issues={unplaced}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {submitLabel}
        </button>
        <p role="status" className="muted">
          {pending ? "Saving…" : saved}
        </p>
      </div>
    </form>
  );
}
