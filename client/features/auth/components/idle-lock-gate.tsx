import type { ReactNode } from "react";
import { useSoundingAlerts } from "../../alerts/alarm-sound/use-sounding-alerts.ts";
import { useHealth } from "../api/get-health.ts";
import { useCurrentUser } from "../use-current-user.ts";
import { IdleLock } from "./idle-lock.tsx";

/** The idle lock of the authenticated layout, fed by the server's delay and this screen's sounding alerts. */
export function IdleLockGate({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const health = useHealth();
  const alerts = useSoundingAlerts();
  return (
    <IdleLock
      idleMinutes={health.data?.idleLockMinutes}
      activeAlertCount={alerts.length}
      displayName={user.displayName}
    >
      {children}
    </IdleLock>
  );
}
