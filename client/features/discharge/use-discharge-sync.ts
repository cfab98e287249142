import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSocket } from "../realtime/socket-context.tsx";
import { sessionDetailKey } from "../sessions/api/get-session.ts";
import { dischargeReadinessKey } from "./api/get-discharge-readiness.ts";

/**
 * Keeps the discharge readiness and the record current for one session page: any change to the
 * session re-evaluates readiness on the server; `session:updated` (which the server also sends for a
 * checklist change, an addendum or an amendment) refetches the record, so struck-through entries,
 * the checklist and addenda appear for every viewer.
 */
export function useDischargeSync(sessionId: string): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const readiness = () =>
      void queryClient.invalidateQueries({ queryKey: dischargeReadinessKey(sessionId) });
    const onAny = (e: { sessionId: string }) => {
      if (e.sessionId === sessionId) readiness();
    };
    const onSession = (e: { sessionId: string }) => {
      if (e.sessionId !== sessionId) return;
      readiness();
      void queryClient.invalidateQueries({ queryKey: sessionDetailKey(sessionId) });
    };
    socket.on("vitals:recorded", onAny);
    socket.on("observation:recorded", onAny);
    socket.on("alert:changed", onAny);
    socket.on("session:updated", onSession);
    return () => {
      socket.off("vitals:recorded", onAny);
      socket.off("observation:recorded", onAny);
      socket.off("alert:changed", onAny);
      socket.off("session:updated", onSession);
    };
  }, [socket, queryClient, sessionId]);
}
