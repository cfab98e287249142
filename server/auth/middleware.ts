import type { RequestHandler } from "express";
import type { Kysely } from "kysely";
import type { User } from "../../shared/schemas/user.ts";
import type { Database } from "../db/schema.ts";
import { setCurrentUser } from "./current-user.ts";
import { findAuthSession, findUserByAuthSession, touchAuthSession } from "./repo.ts";
import { hashToken, readSessionToken, sessionCookie } from "./session-cookie.ts";

/** A session is written back at most this often, not on every request of a busy station screen. */
const touchEveryMs = 60_000;

export async function userFromCookieHeader(
  db: Kysely<Database>,
  cookieHeader: string | undefined,
): Promise<User | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  return findUserByAuthSession(db, hashToken(token), new Date());
}

/**
 * Resolves the session cookie to a user for every request; routes decide whether one is required.
 * Each use slides the expiry: a session expires after `sessionTtlHours` without any request, so a
 * station screen watched through a shift is never logged out (and silenced) mid-shift.
 */
export function sessionMiddleware(
  db: Kysely<Database>,
  config: { sessionTtlHours: number; cookieSecure: boolean },
): RequestHandler {
  const ttlMs = config.sessionTtlHours * 3_600_000;
  return async (req, res, next) => {
    const token = readSessionToken(req.headers.cookie);
    if (!token) return next();
    const tokenHash = hashToken(token);
    const now = new Date();
    const found = await findAuthSession(db, tokenHash, now);
    if (found) {
      setCurrentUser(res, found.user);
      if (now.getTime() - found.lastSeenAt.getTime() >= touchEveryMs) {
        await touchAuthSession(db, tokenHash, now, new Date(now.getTime() + ttlMs));
        // The browser's copy slides too; a route that sets its own cookie (logout) replaces this one.
        res.setHeader("Set-Cookie", sessionCookie(token, ttlMs / 1000, config.cookieSecure));
      }
    }
    next();
  };
}
