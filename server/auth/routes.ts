import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, appendAuditNow } from "../audit/log.ts";
import { HttpError } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { deleteAuthSession, findUserForLogin, insertAuthSession, toUser } from "./repo.ts";
import {
  clearedSessionCookie,
  hashToken,
  newSessionToken,
  readSessionToken,
  sessionCookie,
} from "./session-cookie.ts";

// Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword("decoy-password-for-timing");

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db, config } = ctx;

  mount(router, endpoints.login, async ({ body, res }) => {
    const row = await findUserForLogin(db, body.username);
    const ok = await verifyPassword(body.password, row?.password_hash ?? (await decoyHash));
    // Device actors have no password and never log in; they use their API key.
    if (!row || !ok || row.role === "device") {
      // Audited in a transaction of its own: the request fails, the record of the attempt stays.
      await appendAuditNow(db, {
        actor: { id: row?.id ?? null, name: row?.display_name ?? body.username },
        action: "login.failed",
        entity: "user",
        entityId: row?.id ?? null,
        after: { username: body.username },
        at: ctx.now(),
      });
      throw new HttpError(401, "unauthenticated", "Wrong username or password.");
    }
    const token = newSessionToken();
    const now = new Date();
    const ttlSeconds = config.sessionTtlHours * 3600;
    await db.transaction().execute(async (trx) => {
      await insertAuthSession(
        trx,
        hashToken(token),
        row.id,
        now,
        new Date(now.getTime() + ttlSeconds * 1000),
      );
      await appendAudit(trx, {
        actor: { id: row.id, name: row.display_name },
        action: "login",
        entity: "user",
        entityId: row.id,
        at: ctx.now(),
      });
    });
    res.setHeader("Set-Cookie", sessionCookie(token, ttlSeconds, config.cookieSecure));
    return { user: toUser(row) };
  });

  mount(router, endpoints.logout, async ({ req, res }) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) await deleteAuthSession(db, hashToken(token));
    res.setHeader("Set-Cookie", clearedSessionCookie(config.cookieSecure));
    return { ok: true as const };
  });

  mount(router, endpoints.me, async ({ user }) => ({ user }));

  return router;
}
