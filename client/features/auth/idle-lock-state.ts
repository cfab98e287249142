import { useCallback, useEffect, useState } from "react";

/**
 * Per tab and kept across a reload (sessionStorage): reloading a locked screen does not unlock it.
 * Cleared at login and logout, so the next user starts unlocked.
 */
const lockedKey = "vigil.screenLocked";

/** Input that proves someone is at the workstation. */
const activityEvents = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

function readLocked(): boolean {
  try {
    return sessionStorage.getItem(lockedKey) === "1";
  } catch {
    return false;
  }
}

function writeLocked(locked: boolean): void {
  try {
    if (locked) sessionStorage.setItem(lockedKey, "1");
    else sessionStorage.removeItem(lockedKey);
  } catch {
    // storage unavailable (private mode): the lock still holds until a reload
  }
}

export function clearIdleLock(): void {
  writeLocked(false);
}

/**
 * Locks after `idleMinutes` without input (undefined: not known yet, never locks). While locked,
 * input does nothing; only `unlock()` (after the server accepted the password) opens the screen.
 */
export function useIdleLock(idleMinutes: number | undefined): { locked: boolean; unlock: () => void } {
  const [locked, setLocked] = useState(readLocked);

  useEffect(() => {
    if (idleMinutes === undefined || locked) return;
    const idleMs = idleMinutes * 60_000;
    const lock = () => {
      writeLocked(true);
      setLocked(true);
    };
    let timer = setTimeout(lock, idleMs);
    let lastReset = Date.now();
    const onActivity = () => {
      // pointermove fires constantly: re-arming once a second is plenty
      if (Date.now() - lastReset < 1000) return;
      lastReset = Date.now();
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
    };
    for (const name of activityEvents)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [idleMinutes, locked]);

  const unlock = useCallback(() => {
    writeLocked(false);
    setLocked(false);
  }, []);
  return { locked, unlock };
}
