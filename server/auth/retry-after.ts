import type { Response } from "express";
import { HttpError } from "../http/errors.ts";

/** "at 14:05 UTC (in 15 min)": when a refused login may be tried again, readable on a shared screen. */
export function retryText(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const clock = until.toISOString().slice(11, 16);
  return `at ${clock} UTC (in ${minutes} min)`;
}

/** Sets Retry-After (seconds) so scripts and proxies learn the wait too. */
export function setRetryAfter(res: Response, until: Date, now: Date): void {
  res.setHeader("Retry-After", String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
}

export function accountLocked(res: Response, until: Date, now: Date): HttpError {
  setRetryAfter(res, until, now);
  return new HttpError(
    423,
    "account_locked",
    `This account is locked after repeated failed logins. Try again ${retryText(until, now)}, or ask an administrator.`,
  );
}
