import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { getSocket, type VigilSocket } from "../../lib/socket.ts";
import { useConnectionState } from "./connection-state.ts";
import { useRealtimeBridge } from "./use-realtime-bridge.ts";

const SocketContext = createContext<VigilSocket | null>(null);

/** Connects the one socket while someone is logged in, and feeds its events into the cache. */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<VigilSocket | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const s = getSocket();
    s.connect();
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [enabled]);
  useRealtimeBridge(socket);
  return <SocketContext value={socket}>{children}</SocketContext>;
}

export function useSocket(): VigilSocket | null {
  return useContext(SocketContext);
}

export function useConnection() {
  return useConnectionState(useContext(SocketContext));
}
