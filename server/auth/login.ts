import type { Response } from "express";
import type { LoginRequest, User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit } from "../audit/log.ts";
import { HttpError } from "../http/errors.ts";
import { clearLoginFailures, recordLoginFailure } from "./lockout-repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { findUserForLogin, insertAuthSession, toUser } from "./repo.ts";
import { accountLocked } from "./retry-after.ts";
import { hashToken, newSessionToken, sessionCookie } from "./session-cookie.ts";

// Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword("decoy-password-for-timing");

export const lockoutLimits = (config: AppContext["config"]) => ({
  maxFailures: config.loginMaxFailures,
  lockoutMs: config.loginLockoutMinutes * 60_000,
});

/**
 * Checks the password, refusing a locked account before looking at it. A failure is counted toward
 * the account's lockout and audited in a transaction of its own: the request fails, the record stays.
 */
export async function logIn(ctx: AppContext, body: LoginRequest, res: Response): Promise<User> {
  const { db, config } = ctx;
  const now = ctx.now();
  const row = await findUserForLogin(db, body.username);
  // A deactivated account is refused like a wrong password (same 401): nothing tells a guesser it exists.
  const account = row && row.role !== "device" && row.active ? row : undefined;
  const actor = { id: row?.id ?? null, name: row?.display_name ?? body.username };
  const audit = (action: string, after: Record<string, unknown>) =>
    db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { actor, action, entity: "user", entityId: row?.id ?? null, after, at: now }),
      );

  if (account?.locked_until && new Date(account.locked_until) > now) {
    await audit("login.failed", { username: body.username, reason: "account_locked" });
    throw accountLocked(res, new Date(account.locked_until), now);
  }
  const ok = await verifyPassword(body.password, row?.password_hash ?? (await decoyHash));
  // Device actors have no password and never log in; they use their API key.
  if (!account || !ok) {
    const lockedUntil = account ? await recordLoginFailure(db, account.id, now, lockoutLimits(config)) : null;
    const reason = row && !row.active ? "account_deactivated" : "wrong_credentials";
    await audit("login.failed", { username: body.username, reason });
    if (lockedUntil) {
      await audit("login.lockout", {
        username: body.username,
        failures: config.loginMaxFailures,
        lockedUntil: lockedUntil.toISOString(),
      });
      throw accountLocked(res, lockedUntil, now);
    }
    throw new HttpError(401, "unauthenticated", "Wrong username or password.");
  }

  await clearLoginFailures(db, account.id);
  const token = newSessionToken();
  const sessionStart = new Date();
  const ttlSeconds = config.sessionTtlHours * 3600;
  await db.transaction().execute(async (trx) => {
    await insertAuthSession(
      trx,
      hashToken(token),
      account.id,
      sessionStart,
      new Date(sessionStart.getTime() + ttlSeconds * 1000),
    );
    await appendAudit(trx, {
      actor: { id: account.id, name: account.display_name },
      action: "login",
      entity: "user",
      entityId: account.id,
      at: now,
    });
  });
  res.setHeader("Set-Cookie", sessionCookie(token, ttlSeconds, config.cookieSecure));
  return toUser(account);
}
