import { type FormEvent, useState } from "react";
import { passwordMinLength, passwordPolicyProblems } from "../../../../shared/schemas/password-policy.ts";
import { createStaffAccountRequestSchema, type StaffRole } from "../../../../shared/schemas/user-admin.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { type FieldErrors, splitServerIssues, toFieldErrors } from "../../../lib/field-errors.ts";
import { roleLabels } from "../../auth/roles.ts";
import { useCreateStaffAccount } from "../api/create-staff-account.ts";

const fieldNames = ["username", "displayName", "role", "password"];
const emptyDraft = { username: "", displayName: "", role: "nurse" as StaffRole, password: "" };
const passwordHint = `At least ${passwordMinLength} characters, not built from the username. Give it to the person privately.`;

/** Creates a nurse, physician or admin login; errors (the server's too) appear next to their field. */
export function CreateStaffAccountForm() {
  const create = useCreateStaffAccount();
  const [draft, setDraft] = useState(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const server = splitServerIssues(create.error, fieldNames);
  const shown = { ...server.fieldErrors, ...errors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    setCreated(null);
    const parsed = createStaffAccountRequestSchema.safeParse(draft);
    const issues = parsed.success ? [] : parsed.error.issues;
    const policy = passwordPolicyProblems(draft.password, draft.username.trim());
    const local = toFieldErrors([...issues, ...policy.map((message) => ({ path: ["password"], message }))]);
    if (!parsed.success || policy.length > 0) return setErrors(local);
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (account) => {
        setCreated(`Account ${account.username} (${roleLabels[account.role]}) created.`);
        setDraft(emptyDraft);
      },
    });
  };

  const set = (key: keyof typeof emptyDraft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  return (
    <section aria-labelledby="create-staff-heading" className="panel">
      <h2 id="create-staff-heading">New staff account</h2>
      <form onSubmit={onSubmit} noValidate className="form-grid">
        <div className="field">
          <label htmlFor="staff-username">Username</label>
          <input
            id="staff-username"
            autoComplete="off"
            value={draft.username}
            onChange={set("username")}
            {...describedBy("staff-username", shown.username)}
          />
          <FieldError id="staff-username-error" messages={shown.username} />
        </div>
        <div className="field">
          <label htmlFor="staff-displayName">Display name</label>
          <input
            id="staff-displayName"
            autoComplete="off"
            value={draft.displayName}
            onChange={set("displayName")}
            {...describedBy("staff-displayName", shown.displayName)}
          />
          <FieldError id="staff-displayName-error" messages={shown.displayName} />
        </div>
        <div className="field">
          <label htmlFor="staff-role">Role</label>
          <select
            id="staff-role"
            value={draft.role}
            onChange={set("role")}
            {...describedBy("staff-role", shown.role)}
          >
            <option value="nurse">Nurse</option>
            <option value="physician">Physician</option>
            <option value="admin">Admin</option>
          </select>
          <FieldError id="staff-role-error" messages={shown.role} />
        </div>
        <div className="field">
          <label htmlFor="staff-password">Initial password</label>
          <input
            id="staff-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={set("password")}
            {...describedBy("staff-password", shown.password, "staff-password-hint")}
          />
          <span id="staff-password-hint" className="hint">
            {passwordHint}
          </span>
          <FieldError id="staff-password-error" messages={shown.password} />
        </div>
        <ErrorBanner
          error={Object.keys(server.fieldErrors).length === 0 ? create.error : null}
          title="Account not created"
          issues={server.unplaced}
        />
        <p role="status" className="muted">
          {created}
        </p>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create account
        </button>
      </form>
    </section>
  );
}
