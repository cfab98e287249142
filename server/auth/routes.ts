import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import { newPasswordSchema } from "../../shared/schemas/password-policy.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, appendAuditNow } from "../audit/log.ts";
import { validationError } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { setCurrentUser } from "./current-user.ts";
import { logIn } from "./login.ts";
import { loginRateLimit } from "./login-rate-limit.ts";
import { hashPassword } from "./passwords.ts";
import { reauthenticate } from "./reauthenticate.ts";
import { deleteAuthSession, deleteOtherAuthSessions, setPasswordHash } from "./repo.ts";
import { clearedSessionCookie, hashToken, readSessionToken } from "./session-cookie.ts";

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;

  router.post(endpoints.login.path, loginRateLimit(config));
  mount(router, endpoints.login, async ({ body, res }) => {
    const user = await logIn(ctx, body, res);
    setCurrentUser(res, user); // the request log names who logged in
    return { user };
  });

  mount(router, endpoints.logout, async ({ req, res }) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) {
      await deleteAuthSession(db, hashToken(token));
      ctx.publisher.loginsEnded([hashToken(token)]);
    }
    res.setHeader("Set-Cookie", clearedSessionCookie(config.cookieSecure));
    return { ok: true as const };
  });

  mount(router, endpoints.me, async ({ user }) => ({ user }));

  mount(router, endpoints.unlock, async ({ body, user, res }) => {
    await reauthenticate(ctx, user, { value: body.password, field: "password" }, "session.unlock", res);
    await appendAuditNow(db, {
      actor: { id: user.id, name: user.displayName },
      action: "session.unlocked",
      entity: "user",
      entityId: user.id,
      at: ctx.now(),
    });
    return { ok: true as const };
  });

  mount(router, endpoints.changePassword, async ({ body, user, req, res }) => {
    const policy = newPasswordSchema(user.username).safeParse(body.newPassword);
    if (!policy.success) throw validationError(policy.error, "newPassword");
    await reauthenticate(
      ctx,
      user,
      { value: body.currentPassword, field: "currentPassword" },
      "user.password_change",
      res,
    );
    const passwordHash = await hashPassword(body.newPassword);
    const token = readSessionToken(req.headers.cookie) ?? "";
    const ended = await db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, user.id, passwordHash);
      // Sessions elsewhere were opened with the old password: they log in again with the new one.
      const endedLogins = await deleteOtherAuthSessions(trx, user.id, hashToken(token));
      await appendAudit(trx, {
        actor: { id: user.id, name: user.displayName },
        action: "user.password_changed",
        entity: "user",
        entityId: user.id,
        at: ctx.now(),
      });
      return endedLogins;
    });
    ctx.publisher.loginsEnded(ended);
    return { ok: true as const };
  });

  return router;
}
