import { useConnection } from "../socket-context.tsx";
import { useOnline } from "../use-online.ts";

const messages = {
  offline:
    "Offline: this device has no network. Keep recording: entries are saved on this device and sent when the connection returns. Live updates are paused.",
  reconnecting: "Reconnecting… live updates paused; data will refresh when the connection returns.",
};

/** Always present as a live region; says "Offline" (no network) or "Reconnecting…" (server unreachable). */
export function ConnectionBanner() {
  const online = useOnline();
  const state = useConnection();
  const shown = !online ? "offline" : state === "reconnecting" ? "reconnecting" : null;
  return (
    <div role="status" className={shown ? "connection-banner" : "visually-hidden"}>
      {shown ? messages[shown] : ""}
    </div>
  );
}
