import { rateLimit } from "express-rate-limit";
import type { Config } from "../config.ts";
import { HttpError } from "../http/errors.ts";
import { retryText, setRetryAfter } from "./retry-after.ts";

/**
 * Failed logins per client address (req.ip, which honours VIGIL_TRUST_PROXY) over one lockout window.
 * Successful logins are not counted, so a ward of nurses behind one address is not locked out by
 * logging in; guessing across many usernames from one address is.
 */
export function loginRateLimit(config: Config) {
  const windowMs = config.loginLockoutMinutes * 60_000;
  return rateLimit({
    windowMs,
    limit: config.loginMaxFailures * 4,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (req, res, next) => {
      const now = new Date();
      // express-rate-limit puts its counters on the request; its type augmentation misses Express 5's Request.
      const info = (req as unknown as { rateLimit?: { resetTime?: Date } }).rateLimit;
      const until = info?.resetTime ?? new Date(now.getTime() + windowMs);
      setRetryAfter(res, until, now);
      next(
        new HttpError(
          429,
          "rate_limited",
          `Too many failed logins from this address. Try again ${retryText(until, now)}.`,
        ),
      );
    },
  });
}
