import type { SessionSummary } from "../../../shared/schemas/session-views.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { canAcknowledge, canDismissUnconfirmed } from "../../features/auth/roles.ts";
import { useCurrentUser } from "../../features/auth/use-current-user.ts";
import { useStationRoom } from "../../features/realtime/use-room.ts";
import { stationListKey, useSessions } from "../../features/sessions/api/list-sessions.ts";
import { OpenAlertsPanel } from "../../features/station/components/open-alerts-panel.tsx";
import { StationTile } from "../../features/station/components/station-tile.tsx";
import { useTitle } from "../../lib/use-title.ts";

const byChair = (a: SessionSummary, b: SessionSummary) =>
  a.session.chair.localeCompare(b.session.chair, undefined, { numeric: true });

export function StationRoute() {
  useTitle("Central station");
  const user = useCurrentUser();
  const { data, error, isPending } = useSessions({ status: "active" });
  const joinError = useStationRoom(stationListKey);
  const tiles = [...(data ?? [])].sort(byChair);
  return (
    <>
      <h1>Central station</h1>
      <ErrorBanner error={error} title="Could not load sessions" />
      <ErrorBanner error={joinError} title="Live updates unavailable" />
      {isPending ? <p className="muted">Loading…</p> : null}
      <div className="station">
        <section aria-labelledby="chairs-heading" className="station-tiles">
          <h2 id="chairs-heading" className="visually-hidden">
            Active sessions ({tiles.length})
          </h2>
          {data && tiles.length === 0 ? (
            <p className="muted">No active sessions. Start one from a patient’s page.</p>
          ) : null}
          <div className="tile-grid">
            {tiles.map((s) => (
              <StationTile key={s.session.id} summary={s} />
            ))}
          </div>
        </section>
        <OpenAlertsPanel
          summaries={tiles}
          canAcknowledge={canAcknowledge(user.role)}
          canDismiss={canDismissUnconfirmed(user.role)}
        />
      </div>
    </>
  );
}
