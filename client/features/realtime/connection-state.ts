import { useEffect, useState } from "react";
import type { VigilSocket } from "../../lib/socket.ts";

export type ConnectionState = "idle" | "connected" | "reconnecting";

/**
 * "reconnecting" after a disconnect or a failed attempt; "idle" before the first connect, so the
 * banner does not flash while the page loads.
 */
export function useConnectionState(socket: VigilSocket | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>(socket?.connected ? "connected" : "idle");
  useEffect(() => {
    if (!socket) {
      setState("idle");
      return;
    }
    setState(socket.connected ? "connected" : "idle");
    const up = () => setState("connected");
    const down = () => setState(socket.connected ? "connected" : "reconnecting");
    socket.on("connect", up);
    socket.on("disconnect", down);
    socket.on("connect_error", down);
    return () => {
      socket.off("connect", up);
      socket.off("disconnect", down);
      socket.off("connect_error", down);
    };
  }, [socket]);
  return state;
}
