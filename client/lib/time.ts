const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "19:42" in local time. */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** "22 Nov 2026, 19:42" in local time. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Elapsed time as "m:ss" or "h:mm:ss"; negative spans show as 0:00. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Minutes (fractional) from `startIso` to `iso`. */
export function minutesBetween(startIso: string, iso: string): number {
  return (Date.parse(iso) - Date.parse(startIso)) / 60_000;
}

/** Today's local date at the given "HH:MM", as an ISO instant. */
export function todayAt(hhmm: string, now: Date = new Date()): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  const d = new Date(now);
  d.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return d.toISOString();
}
