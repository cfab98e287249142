import { type FormEvent, useState } from "react";
import { loginRequestSchema } from "../../../../shared/schemas/user.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { describedBy, FieldError } from "../../../components/field-error.tsx";
import { toFieldErrors } from "../../../lib/field-errors.ts";
import { useFieldErrors } from "../../../lib/use-field-errors.ts";
import { useLogin } from "../api/login.ts";

const fields = ["username", "password"];

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { shown, setErrors, unplaced, bannerError } = useFieldErrors(login.error, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.reset();
    const parsed = loginRequestSchema.safeParse({ username, password });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues));
    setErrors({});
    login.mutate(parsed.data, { onSuccess, onError: () => setPassword("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="login-form" aria-label="Log in">
      <div className="field">
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          {...describedBy("login-username", shown.username)}
        />
        <FieldError id="login-username-error" messages={shown.username} />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...describedBy("login-password", shown.password)}
        />
        <FieldError id="login-password-error" messages={shown.password} />
      </div>
      <ErrorBanner error={bannerError} title="Could not log in" issues={unplaced} />
      <button type="submit" className="button button-primary button-large" disabled={login.isPending}>
        Log in
      </button>
    </form>
  );
}
