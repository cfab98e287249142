import type { Response } from "express";
import type { User } from "../../shared/schemas/user.ts";

/** The authenticated user of this request, set by the session middleware. */
export function currentUser(res: Response): User | null {
  return (res.locals.user as User | undefined) ?? null;
}

export function setCurrentUser(res: Response, user: User): void {
  res.locals.user = user;
}
