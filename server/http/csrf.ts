import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import { HttpError } from "./errors.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginFacts {
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The origin this server was reached at ("http://host:port"), as the client saw it. */
  ownOrigin: string;
}

function normalise(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/**
 * Why a request looks cross-site, or null when it may proceed. Only a browser sends Origin and
 * Sec-Fetch-Site, and only a browser carries the ambient session cookie CSRF abuses: requests with
 * neither header (curl, monitor gateways with API keys, tests) pass. Used for state-changing REST
 * requests and for every Socket.IO handshake (a WebSocket is not bound by the same-origin policy).
 */
export function crossSiteProblem(facts: OriginFacts, allowedOrigins: readonly string[]): string | null {
  const allowed = new Set([facts.ownOrigin, ...allowedOrigins].map(normalise).filter(Boolean));
  if (facts.origin !== undefined) {
    const origin = normalise(facts.origin);
    if (origin && allowed.has(origin)) return null;
    return `Cross-site request refused: Origin ${facts.origin} is not this server (${facts.ownOrigin}) nor in VIGIL_ALLOWED_ORIGINS.`;
  }
  if (facts.secFetchSite === "cross-site") {
    return "Cross-site request refused: the browser reports it came from another site (Sec-Fetch-Site: cross-site).";
  }
  return null;
}

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

/** The server's own origin from raw headers (the Socket.IO handshake has no Express request). */
export function ownOriginOf(headers: IncomingHttpHeaders, encrypted: boolean, trustProxy: boolean): string {
  const proto = (trustProxy && first(headers["x-forwarded-proto"])) || (encrypted ? "https" : "http");
  const host = (trustProxy && first(headers["x-forwarded-host"])) || headers.host || "";
  return `${proto}://${host}`;
}

/** Rejects state-changing API requests from other sites with 403 (the origin check of the CSRF defence). */
export function csrfProtection(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    const problem = crossSiteProblem(
      {
        origin: req.headers.origin,
        secFetchSite: first(req.headers["sec-fetch-site"]),
        // req.protocol and req.host honour X-Forwarded-* only when trust proxy is set.
        ownOrigin: `${req.protocol}://${req.host}`,
      },
      allowedOrigins,
    );
    next(problem ? new HttpError(403, "forbidden", problem) : undefined);
  };
}
