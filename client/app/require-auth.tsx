import { Navigate, useLocation } from "react-router";
import { ErrorBanner } from "../components/error-banner.tsx";
import { useMe } from "../features/auth/api/get-me.ts";
import { Layout } from "./layout.tsx";

/** Shows the layout to a logged-in user, the login page to anyone else. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <main id="main" className="centered">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (me.isError && me.data === undefined) {
    return (
      <main id="main" className="centered">
        <h1>Vigil</h1>
        <ErrorBanner error={me.error} title="Cannot reach the server" />
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}
