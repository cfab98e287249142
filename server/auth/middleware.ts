import type { RequestHandler } from "express";
import type { Kysely } from "kysely";
import type { User } from "../../shared/schemas/user.ts";
import type { Database } from "../db/schema.ts";
import { setCurrentUser } from "./current-user.ts";
import { findUserByAuthSession } from "./repo.ts";
import { hashToken, readSessionToken } from "./session-cookie.ts";

export async function userFromCookieHeader(
  db: Kysely<Database>,
  cookieHeader: string | undefined,
): Promise<User | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  return findUserByAuthSession(db, hashToken(token), new Date());
}

/** Resolves the session cookie to a user for every request; routes decide whether one is required. */
export function sessionMiddleware(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const user = await userFromCookieHeader(db, req.headers.cookie);
    if (user) setCurrentUser(res, user);
    next();
  };
}
