import { type User, userSchema } from "../../../shared/schemas/user.ts";
import { clearSessionSnapshots } from "../sessions/session-snapshots.ts";

/**
 * Who was logged in on this device, so the app can open with no network (the server cannot be
 * asked). Only the public user record (id, names, role): never a password or token; the cookie stays
 * the only credential and the server checks it on every request once the network is back.
 * Forgotten at logout, at another login and when the server says nobody is logged in (401).
 */
const key = "vigil.lastKnownUser";

// the very objects handed out from storage, so callers can tell them from a server answer
const fromStorage = new WeakSet<User>();

export function rememberUser(user: User): void {
  try {
    localStorage.setItem(key, JSON.stringify(user));
  } catch {
    // storage unavailable (private mode): the app just cannot open offline
  }
}

export function lastKnownUser(): User | null {
  try {
    const stored = localStorage.getItem(key);
    const parsed = stored === null ? null : userSchema.safeParse(JSON.parse(stored));
    if (!parsed?.success) return null;
    fromStorage.add(parsed.data);
    return parsed.data;
  } catch {
    return null;
  }
}

/** True for a user read back from this device rather than confirmed by the server. */
export function isLastKnownUser(user: unknown): boolean {
  return typeof user === "object" && user !== null && fromStorage.has(user as User);
}

/** Forgets the user and the session copies kept for offline use (they hold patient data). */
export function forgetOfflineData(): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
  void clearSessionSnapshots().catch(() => undefined);
}
