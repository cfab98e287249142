import { Navigate, useLocation, useNavigate } from "react-router";
import { useMe } from "../../features/auth/api/get-me.ts";
import { DemoHint } from "../../features/auth/components/demo-hint.tsx";
import { LoginForm } from "../../features/auth/components/login-form.tsx";
import { useTitle } from "../../lib/use-title.ts";

function target(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("/login") ? from : "/";
}

export function LoginRoute() {
  useTitle("Log in");
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  if (me.data) return <Navigate to={target(location.state)} replace />;
  return (
    <>
      <header className="topbar">
        <span className="brand">Vigil</span>
      </header>
      <main id="main" className="login-page">
        <h1>Log in to Vigil</h1>
        <LoginForm onSuccess={() => navigate(target(location.state), { replace: true })} />
        <DemoHint />
      </main>
    </>
  );
}
