import type { Response } from "express";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { appendAuditNow } from "../audit/log.ts";
import { HttpError } from "../http/errors.ts";
import { clearLoginFailures, recordLoginFailure } from "./lockout-repo.ts";
import { lockoutLimits } from "./login.ts";
import { verifyPassword } from "./passwords.ts";
import { findUserById } from "./repo.ts";
import { accountLocked } from "./retry-after.ts";

/**
 * The logged-in user proves it is still them (unlocking an idle screen, changing the password).
 * Wrong passwords count toward the same lockout as logins, so a session left open is no way to
 * guess the password; every failure is audited as `<action>_failed`.
 */
export async function reauthenticate(
  ctx: AppContext,
  user: User,
  password: { value: string; field: string },
  action: string,
  res: Response,
): Promise<void> {
  const { db, config } = ctx;
  const now = ctx.now();
  const actor = { id: user.id, name: user.displayName };
  const audit = (name: string, after: Record<string, unknown>) =>
    appendAuditNow(db, { actor, action: name, entity: "user", entityId: user.id, after, at: now });
  const row = await findUserById(db, user.id);
  if (!row) throw new HttpError(401, "unauthenticated", "Log in to continue.");
  if (row.locked_until && new Date(row.locked_until) > now) {
    await audit(`${action}_failed`, { reason: "account_locked" });
    throw accountLocked(res, new Date(row.locked_until), now);
  }
  if (await verifyPassword(password.value, row.password_hash)) {
    await clearLoginFailures(db, user.id);
    return;
  }
  const lockedUntil = await recordLoginFailure(db, user.id, now, lockoutLimits(config));
  await audit(`${action}_failed`, { reason: "wrong_password" });
  if (lockedUntil) {
    await audit("login.lockout", {
      username: user.username,
      failures: config.loginMaxFailures,
      lockedUntil: lockedUntil.toISOString(),
    });
    throw accountLocked(res, lockedUntil, now);
  }
  // 400 on the field, not 401: the session is fine, only this password is wrong.
  throw new HttpError(400, "validation_failed", "Wrong password.", {
    issues: [{ path: password.field, message: "is not your password" }],
  });
}
