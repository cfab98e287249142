import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { currentDevice } from "../auth/api-key-middleware.ts";
import { currentUser } from "../auth/current-user.ts";

/**
 * One line per API request when it finishes: method, route pattern (never the URL, whose path and
 * query can carry identifiers or a name search), status, duration and the acting user's id.
 * Bodies, cookies and headers are never logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : "(no route)";
      const actor = currentUser(res) ?? currentDevice(res);
      const line = {
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: actor?.id ?? null,
      };
      if (res.statusCode >= 500) logger.error(line, "request failed");
      else logger.info(line, "request");
    });
    next();
  };
}
