import { NavLink, Outlet, useNavigate } from "react-router";
import { ErrorBanner } from "../components/error-banner.tsx";
import { AlarmSound } from "../features/alerts/alarm-sound/alarm-sound.tsx";
import { EscalationBanner } from "../features/alerts/components/escalation-banner.tsx";
import { useLogout } from "../features/auth/api/logout.ts";
import { IdleLockGate } from "../features/auth/components/idle-lock-gate.tsx";
import { roleLabels } from "../features/auth/roles.ts";
import { useCurrentUser } from "../features/auth/use-current-user.ts";
import { OutboxIndicator } from "../features/outbox/components/outbox-indicator.tsx";
import { OutboxProvider } from "../features/outbox/outbox-provider.tsx";
import { ConnectionBanner } from "../features/realtime/components/connection-banner.tsx";
import { SocketProvider } from "../features/realtime/socket-context.tsx";
import { useStationRoom } from "../features/realtime/use-room.ts";
import { stationListKey } from "../features/sessions/api/list-sessions.ts";

function TopBar() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="topbar">
      <span className="brand">Vigil</span>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              Station
            </NavLink>
          </li>
          <li>
            <NavLink to="/patients">Patients</NavLink>
          </li>
          <li>
            <NavLink to="/profiles">Alert profiles</NavLink>
          </li>
          {user.role === "admin" ? (
            <li>
              <NavLink to="/staff">Staff accounts</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <AlarmSound />
      <OutboxIndicator />
      <div className="user">
        <span>
          {user.displayName} <span className="role">({roleLabels[user.role]})</span>
        </span>
        <button
          type="button"
          className="button"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSuccess: () => navigate("/login", { replace: true }) })}
        >
          Log out
        </button>
      </div>
      <ErrorBanner error={logout.error} title="Could not log out" />
    </header>
  );
}

/**
 * A physician watches every chair from any page: the station room keeps the station list live (the
 * alarms of every session) and escalations are shown in a banner above the page.
 */
function PhysicianWatch() {
  const user = useCurrentUser();
  const physician = user.role === "physician";
  useStationRoom(stationListKey, physician);
  return physician ? <EscalationBanner /> : null;
}

/** The authenticated shell: skip link, top bar with the alarm sound, connection banner, main. */
export function Layout() {
  const user = useCurrentUser();
  return (
    <SocketProvider enabled>
      {/* the device's unsynced entries: kept across reloads, sent as this user */}
      <OutboxProvider userId={user.id}>
        {/* idle lock: hides patient data, keeps everything (and the alarm) running underneath */}
        <IdleLockGate>
          <a href="#main" className="skip-link">
            Skip to main content
          </a>
          <TopBar />
          <ConnectionBanner />
          <main id="main" tabIndex={-1}>
            <PhysicianWatch />
            <Outlet />
          </main>
        </IdleLockGate>
      </OutboxProvider>
    </SocketProvider>
  );
}
