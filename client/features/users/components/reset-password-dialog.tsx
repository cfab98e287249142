import { type FormEvent, useId, useState } from "react";
import { passwordPolicyProblems } from "../../../../shared/schemas/password-policy.ts";
import type { StaffAccount } from "../../../../shared/schemas/user-admin.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { ModalDialog } from "../../../components/modal-dialog.tsx";
import { splitServerIssues } from "../../../lib/field-errors.ts";
import { useResetStaffPassword } from "../api/reset-staff-password.ts";

/** Sets a new password for someone who forgot theirs (native modal <dialog>: Escape cancels). */
export function ResetPasswordDialog({ account, onDone }: { account: StaffAccount; onDone: () => void }) {
  const id = useId();
  const reset = useResetStaffPassword();
  const [password, setPassword] = useState("");
  const [local, setLocal] = useState<string[]>([]);
  const server = splitServerIssues(reset.error, ["password"]);
  const messages = local.length > 0 ? local : server.fieldErrors.password;
  const inputId = `${id}-password`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.reset();
    const problems = password === "" ? ["is required"] : passwordPolicyProblems(password, account.username);
    setLocal(problems);
    if (problems.length === 0) reset.mutate({ id: account.id, password }, { onSuccess: onDone });
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} onCancel={onDone}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Reset password of {account.displayName}</h2>
        <p className="muted">
          Every open login of {account.username} ends now; the lockout, if any, is lifted.
        </p>
        <div className="field">
          <label htmlFor={inputId}>New password</label>
          <input
            id={inputId}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...describedBy(inputId, messages)}
          />
          <FieldError id={`${inputId}-error`} messages={messages} />
        </div>
        <ErrorBanner
          error={server.fieldErrors.password ? null : reset.error}
          title="Password not reset"
          issues={server.unplaced}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={reset.isPending}>
            Reset password
          </button>
          <button type="button" className="button button-large" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
