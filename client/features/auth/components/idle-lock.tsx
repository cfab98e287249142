import type { ReactNode } from "react";
import { useIdleLock } from "../idle-lock-state.ts";
import { IdleLockScreen } from "./idle-lock-screen.tsx";

interface Props {
  /** From the server (VIGIL_IDLE_LOCK_MINUTES); undefined until known, and then nothing locks. */
  idleMinutes: number | undefined;
  activeAlertCount: number;
  displayName: string;
  children: ReactNode;
}

/**
 * Locks a shared workstation after a spell without input. The app stays mounted underneath, hidden
 * and inert, so its sockets, queries and the alarm sound keep running: locking never silences an alarm.
 */
export function IdleLock({ idleMinutes, activeAlertCount, displayName, children }: Props) {
  const { locked, unlock } = useIdleLock(idleMinutes);
  return (
    <>
      <div hidden={locked} inert={locked}>
        {children}
      </div>
      {locked ? (
        <IdleLockScreen
          displayName={displayName}
          idleMinutes={idleMinutes ?? 0}
          activeAlertCount={activeAlertCount}
          onUnlocked={unlock}
        />
      ) : null}
    </>
  );
}
