import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { meQueryKey } from "../../lib/query-client.ts";
import { getSocket, type VigilSocket } from "../../lib/socket.ts";
import { useConnectionState } from "./connection-state.ts";
import { useRealtimeBridge } from "./use-realtime-bridge.ts";

const SocketContext = createContext<VigilSocket | null>(null);

/** Connects the one socket while someone is logged in, and feeds its events into the cache. */
export function SocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<VigilSocket | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const s = getSocket();
    // The server closes a socket whose login ended (logout elsewhere, password changed): re-check the
    // login, which shows the login page, instead of waiting to reconnect.
    const onDisconnect = (reason: string) => {
      if (reason === "io server disconnect") void queryClient.invalidateQueries({ queryKey: meQueryKey });
    };
    s.on("disconnect", onDisconnect);
    s.connect();
    setSocket(s);
    return () => {
      s.off("disconnect", onDisconnect);
      s.disconnect();
      setSocket(null);
    };
  }, [enabled, queryClient]);
  useRealtimeBridge(socket);
  return <SocketContext value={socket}>{children}</SocketContext>;
}

export function useSocket(): VigilSocket | null {
  return useContext(SocketContext);
}

export function useConnection() {
  return useConnectionState(useContext(SocketContext));
}
