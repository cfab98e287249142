import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { splitServerIssues } from "../../../lib/field-errors.ts";
import { useLogout } from "../api/logout.ts";
import { useUnlock } from "../api/unlock.ts";

interface Props {
  displayName: string;
  idleMinutes: number;
  /** How many alerts are sounding on this screen; never which patients they belong to. */
  activeAlertCount: number;
  onUnlocked: () => void;
}

const alertsText = (n: number) => (n === 0 ? "No active alerts" : `${n} active alert${n === 1 ? "" : "s"}`);

/** Shown instead of the app while the workstation is locked: no patient data, the alert count only. */
export function IdleLockScreen({ displayName, idleMinutes, activeAlertCount, onUnlocked }: Props) {
  const unlock = useUnlock();
  const logout = useLogout();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const server = splitServerIssues(unlock.error, ["password"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    unlock.mutate({ password }, { onSuccess: onUnlocked, onSettled: () => setPassword("") });
  };
  const switchUser = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
    });

  return (
    // the app's own <main> is hidden underneath; this one is the page while locked
    <main className="centered login-page">
      <div className="idle-lock" role="dialog" aria-modal="true" aria-labelledby="idle-lock-title">
        <h1 id="idle-lock-title">Screen locked</h1>
        <p className="muted">
          Locked after {idleMinutes} min without input. Patient data is hidden; alarms keep sounding.
        </p>
        <p role="status" aria-live="polite" className={activeAlertCount > 0 ? "idle-lock-alerts" : undefined}>
          <strong>{alertsText(activeAlertCount)}</strong>
        </p>
        <form onSubmit={onSubmit} noValidate className="login-form" aria-label="Unlock">
          <div className="field">
            <label htmlFor="idle-lock-password">Password for {displayName}</label>
            <input
              id="idle-lock-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...describedBy("idle-lock-password", server.fieldErrors.password)}
            />
            <FieldError id="idle-lock-password-error" messages={server.fieldErrors.password} />
          </div>
          <ErrorBanner
            error={server.fieldErrors.password ? null : unlock.error}
            title="Could not unlock"
            issues={server.unplaced}
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={unlock.isPending || password === ""}
          >
            Unlock
          </button>
        </form>
        <button type="button" className="button" disabled={logout.isPending} onClick={switchUser}>
          Log out / switch user
        </button>
        <ErrorBanner error={logout.error} title="Could not log out" />
      </div>
    </main>
  );
}
