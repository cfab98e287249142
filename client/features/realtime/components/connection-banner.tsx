import { useConnection } from "../socket-context.tsx";

/** Always present as a live region; says "Reconnecting…" while the socket is down. */
export function ConnectionBanner() {
  const state = useConnection();
  return (
    <div role="status" className={state === "reconnecting" ? "connection-banner" : "visually-hidden"}>
      {state === "reconnecting"
        ? "Reconnecting… live updates paused; data will refresh when the connection returns."
        : ""}
    </div>
  );
}
