import type { RequestHandler, Response } from "express";
import type { Kysely } from "kysely";
import { API_KEY_PREFIX } from "../../shared/schemas/api-key.ts";
import type { User } from "../../shared/schemas/user.ts";
import { findDeviceByKeyHash } from "../api-keys/repo.ts";
import type { Database } from "../db/schema.ts";
import { hashToken } from "./session-cookie.ts";

/**
 * Resolves `Authorization: Bearer vgl_...` to the key's device actor. Only endpoints declared with
 * `auth: "apiKey"` read it (mount()); every other route looks at the login cookie alone.
 */
export function apiKeyMiddleware(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    if (!secret?.startsWith(API_KEY_PREFIX)) {
      res.locals.apiKeyProblem = "The Authorization header must be Bearer vgl_... (an ingest API key).";
      return next();
    }
    const device = await findDeviceByKeyHash(db, hashToken(secret));
    if (device) res.locals.device = device;
    else res.locals.apiKeyProblem = "The API key is unknown or revoked.";
    next();
  };
}

/** The device of this request's API key, if it sent a live one. */
export function currentDevice(res: Response): User | null {
  return (res.locals.device as User | undefined) ?? null;
}

export function apiKeyProblem(res: Response): string {
  return (
    (res.locals.apiKeyProblem as string | undefined) ??
    "Send an ingest API key as Authorization: Bearer vgl_..."
  );
}
