import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ServerToClientEvents } from "../../../shared/events.ts";
import type { Alert } from "../../../shared/schemas/alert.ts";
import type { SessionDetail, SessionSummary } from "../../../shared/schemas/session-views.ts";
import type { VigilSocket } from "../../lib/socket.ts";
import { alertContextKey } from "../alerts/api/get-alert-context.ts";
import { applyEscalation, escalatedAlertsKey } from "../alerts/escalations.ts";
import {
  createProvisionalSync,
  type ProvisionalClock,
  systemClock,
} from "../alerts/provisional/provisional-sync.ts";
import { sessionDetailKey } from "../sessions/api/get-session.ts";
import { stationListKey } from "../sessions/api/list-sessions.ts";
import {
  appendObservation,
  appendReading,
  applyAlertToSummaries,
  applyReadingToSummaries,
  applySessionToSummaries,
  applyStationChange,
  hasSeqGap,
  markSeq,
  replaceSessionInDetail,
  upsertAlert,
} from "./cache-updates.ts";

type DetailUpdate = (d: SessionDetail) => SessionDetail;

/** Applies a session event to the cached detail; a seq gap (missed events) triggers a refetch. */
function updateDetail(client: QueryClient, sessionId: string, seq: number, update: DetailUpdate) {
  const key = sessionDetailKey(sessionId);
  const cached = client.getQueryData<SessionDetail>(key);
  if (!cached) return;
  const gap = hasSeqGap(cached, seq);
  client.setQueryData<SessionDetail>(key, (d) => (d ? markSeq(update(d), seq) : d));
  if (gap) void client.invalidateQueries({ queryKey: key });
}

function updateStation(client: QueryClient, update: (l: SessionSummary[]) => SessionSummary[]) {
  client.setQueryData<SessionSummary[]>(stationListKey, (l) => (l ? update(l) : l));
}

/** The form's preview must see the engine's new state: refetch it if it is showing. */
function refreshAlertContext(client: QueryClient, sessionId: string) {
  void client.invalidateQueries({ queryKey: alertContextKey(sessionId) });
}

/**
 * Writes every server event into the react-query cache, whichever page is showing. Provisional alarms
 * go through their reconciliation (a committed alert or the reading's settle replaces them; no settle
 * in time, or a reconnect after that time, leaves them unconfirmed); `clock` is injectable for tests.
 */
export function useRealtimeBridge(socket: VigilSocket | null, clock: ProvisionalClock = systemClock): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const provisional = createProvisionalSync(client, clock);
    const onConnect = () => provisional.reconnected();
    const handlers: { [E in keyof ServerToClientEvents]: ServerToClientEvents[E] } = {
      "session:updated": ({ sessionId, seq, session }) => {
        updateDetail(client, sessionId, seq, (d) => replaceSessionInDetail(d, session));
        updateStation(client, (l) => applySessionToSummaries(l, session));
        // discharge also brings the signature: fetch the whole detail once
        if (session.phase === "discharged")
          void client.invalidateQueries({ queryKey: sessionDetailKey(sessionId) });
        refreshAlertContext(client, sessionId);
      },
      "vitals:recorded": ({ sessionId, seq, reading }) => {
        updateDetail(client, sessionId, seq, (d) => appendReading(d, reading));
        updateStation(client, (l) => applyReadingToSummaries(l, reading));
        // a BP can confirm the next one; the monitor's second-by-second HR/SpO2 is left alone
        if (reading.sbp !== null || reading.dbp !== null) refreshAlertContext(client, sessionId);
      },
      "observation:recorded": ({ sessionId, seq, observation }) => {
        updateDetail(client, sessionId, seq, (d) => appendObservation(d, observation));
      },
      "alert:changed": ({ sessionId, seq, alert }) => {
        updateDetail(client, sessionId, seq, (d) => upsertAlert(d, alert));
        updateStation(client, (l) => applyAlertToSummaries(l, alert));
        client.setQueryData<Alert[]>(escalatedAlertsKey, (l) => applyEscalation(l, alert));
        provisional.committedAlert(alert);
        refreshAlertContext(client, sessionId);
      },
      "alert:provisional": (alarm) => provisional.provisional(alarm),
      "alert:provisional-settled": (settlement) => provisional.settled(settlement),
      "station:changed": ({ summary }) => {
        updateStation(client, (l) => applyStationChange(l, summary));
        // other session lists (a patient's history) are refetched when next shown
        void client.invalidateQueries({ queryKey: ["sessions", "list"], refetchType: "none" });
      },
    };
    socket.on("session:updated", handlers["session:updated"]);
    socket.on("vitals:recorded", handlers["vitals:recorded"]);
    socket.on("observation:recorded", handlers["observation:recorded"]);
    socket.on("alert:changed", handlers["alert:changed"]);
    socket.on("station:changed", handlers["station:changed"]);
    socket.on("alert:provisional", handlers["alert:provisional"]);
    socket.on("alert:provisional-settled", handlers["alert:provisional-settled"]);
    socket.on("connect", onConnect);
    return () => {
      socket.off("session:updated", handlers["session:updated"]);
      socket.off("vitals:recorded", handlers["vitals:recorded"]);
      socket.off("observation:recorded", handlers["observation:recorded"]);
      socket.off("alert:changed", handlers["alert:changed"]);
      socket.off("station:changed", handlers["station:changed"]);
      socket.off("alert:provisional", handlers["alert:provisional"]);
      socket.off("alert:provisional-settled", handlers["alert:provisional-settled"]);
      socket.off("connect", onConnect);
      provisional.dispose();
    };
  }, [socket, client, clock]);
}
