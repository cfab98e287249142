import { useQuery } from "@tanstack/react-query";
import { useMatch } from "react-router";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import { useCurrentUser } from "../../auth/use-current-user.ts";
import { sessionQueryOptions } from "../../sessions/api/get-session.ts";
import { sessionsQueryOptions } from "../../sessions/api/list-sessions.ts";
import { useShownProvisionals } from "../provisional/provisional-cache.ts";
import type { ProvisionalEntry } from "../provisional/reconcile.ts";
import { useEscalatedAlerts } from "../use-escalated-alerts.ts";
import { type SoundingAlert, soundingAlerts } from "./alarm-schedule.ts";

/**
 * Which alerts sound in this browser. A physician hears every active session (the station list,
 * kept live by the realtime bridge, plus escalations); a nurse or admin hears the session page
 * they are on, or every chair on the station page. Provisional alarms sound in the same scope, as
 * alerts of their priority, until the committed alert takes over or an unconfirmed one is dismissed.
 */
export function useSoundingAlerts(): SoundingAlert[] {
  const user = useCurrentUser();
  const physician = user.role === "physician";
  const sessionId = useMatch("/sessions/:id")?.params.id;
  const onStation = useMatch({ path: "/", end: true }) !== null;
  const station = useQuery({
    ...sessionsQueryOptions({ status: "active" }),
    enabled: physician || onStation,
  });
  const detail = useQuery({
    ...sessionQueryOptions(sessionId ?? ""),
    enabled: !physician && sessionId !== undefined,
  });
  const escalated = useEscalatedAlerts();
  const shown = useShownProvisionals();
  let alerts: Alert[] = [];
  let provisionals: ProvisionalEntry[] = [];
  if (physician) {
    alerts = [...(station.data ?? []).flatMap((s) => s.openAlerts), ...escalated];
    provisionals = shown;
  } else if (sessionId) {
    alerts = detail.data?.alerts ?? [];
    provisionals = shown.filter((e) => e.alarm.sessionId === sessionId);
  } else if (onStation) {
    alerts = (station.data ?? []).flatMap((s) => s.openAlerts);
    provisionals = shown;
  }
  return soundingAlerts(alerts, provisionals);
}
