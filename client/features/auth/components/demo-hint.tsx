import { useHealth } from "../api/get-health.ts";

/** Only when the server says it runs in demo mode. */
export function DemoHint() {
  const { data } = useHealth();
  if (!data?.demo) return null;
  return (
    <aside aria-label="Demo accounts" className="banner banner-info">
      <p>
        Demo mode. Accounts: <code>nurse</code> / <code>nurse-demo</code>, <code>physician</code> /{" "}
        <code>physician-demo</code>, <code>admin</code> / <code>admin-demo</code>.
      </p>
    </aside>
  );
}
