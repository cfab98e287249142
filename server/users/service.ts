import type { Transaction } from "kysely";
import { newPasswordSchema } from "../../shared/schemas/password-policy.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { CreateStaffAccountRequest, StaffAccount } from "../../shared/schemas/user-admin.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, auditActor } from "../audit/log.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Database } from "../db/schema.ts";
import { HttpError, notFound, validationError } from "../http/errors.ts";
import {
  activeAdminIds,
  endAllLogins,
  findStaffRowForUpdate,
  insertStaffRow,
  toStaffAccount,
  updateStaffRow,
  usernameTaken,
} from "./repo.ts";

const usernameConflict = (username: string) =>
  new HttpError(409, "conflict", `The username "${username}" is already taken: choose another one.`, {
    issues: [{ path: "username", message: "is already taken" }],
  });

function checkPolicy(password: string, username: string): void {
  const policy = newPasswordSchema(username).safeParse(password);
  if (!policy.success) throw validationError(policy.error, "password");
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "23505";

export async function createStaffAccount(
  ctx: AppContext,
  admin: User,
  body: CreateStaffAccountRequest,
): Promise<StaffAccount> {
  checkPolicy(body.password, body.username);
  if (await usernameTaken(ctx.db, body.username)) throw usernameConflict(body.username);
  const passwordHash = await hashPassword(body.password);
  const now = ctx.now();
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const created = await insertStaffRow(trx, { id: crypto.randomUUID(), ...body, passwordHash, now });
      await appendAudit(trx, {
        actor: auditActor(admin),
        action: "user.created",
        entity: "user",
        entityId: created.id,
        after: {
          username: created.username,
          displayName: created.display_name,
          role: created.role,
          active: true,
        },
        at: now,
      });
      return created;
    });
    return toStaffAccount(row, now);
  } catch (error) {
    // Another admin took the username between the check and the insert.
    if (isUniqueViolation(error)) throw usernameConflict(body.username);
    throw error;
  }
}

type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaffRowForUpdate>>>;

/**
 * One admin action on one account: lock the row, check, write, audit (before/after, never a password),
 * commit, then close the sockets of the logins it ended.
 */
async function changeAccount(
  ctx: AppContext,
  admin: User,
  id: string,
  action: string,
  change: (
    trx: Transaction<Database>,
    row: StaffRow,
  ) => Promise<{ row: StaffRow; before: unknown; after: unknown; ended?: string[] } | null>,
): Promise<StaffAccount> {
  const now = ctx.now();
  const { row, ended } = await ctx.db.transaction().execute(async (trx) => {
    const current = await findStaffRowForUpdate(trx, id);
    if (!current) throw notFound("Staff account");
    const result = await change(trx, current);
    // null: already as asked, nothing written and nothing to audit.
    if (!result) return { row: current, ended: [] as string[] };
    await appendAudit(trx, {
      actor: auditActor(admin),
      action,
      entity: "user",
      entityId: id,
      before: result.before,
      after: result.after,
      at: now,
    });
    return { row: result.row, ended: result.ended ?? [] };
  });
  ctx.publisher.loginsEnded(ended);
  return toStaffAccount(row, now);
}

export async function resetStaffPassword(ctx: AppContext, admin: User, id: string, password: string) {
  if (id === admin.id) {
    throw new HttpError(
      409,
      "conflict",
      "Change your own password from your account (it asks for the current one), not by a reset.",
    );
  }
  // The policy needs the username: read it first, check, hash outside the transaction.
  const target = await ctx.db.selectFrom("users").select("username").where("id", "=", id).executeTakeFirst();
  if (target) checkPolicy(password, target.username);
  const passwordHash = await hashPassword(password);
  return changeAccount(ctx, admin, id, "user.password_reset", async (trx, row) => {
    const ended = await endAllLogins(trx, id);
    const updated = await updateStaffRow(trx, id, {
      password_hash: passwordHash,
      failed_login_count: 0,
      locked_until: null,
    });
    return {
      row: updated,
      before: { lockedUntil: row.locked_until },
      after: { passwordReset: true, lockedUntil: null, loginsEnded: ended.length },
      ended,
    };
  });
}

export async function deactivateStaffAccount(ctx: AppContext, admin: User, id: string) {
  if (id === admin.id) {
    throw new HttpError(409, "conflict", "You cannot deactivate your own account: another admin must do it.");
  }
  return changeAccount(ctx, admin, id, "user.deactivated", async (trx, row) => {
    if (!row.active) return null;
    const admins = await activeAdminIds(trx);
    if (row.role === "admin" && admins.length <= 1) {
      throw new HttpError(
        409,
        "conflict",
        "This is the last active admin: create or reactivate another admin first, or nobody could manage accounts.",
      );
    }
    const ended = await endAllLogins(trx, id);
    const updated = await updateStaffRow(trx, id, { active: false });
    return {
      row: updated,
      before: { active: true },
      after: { active: false, loginsEnded: ended.length },
      ended,
    };
  });
}

export async function reactivateStaffAccount(ctx: AppContext, admin: User, id: string) {
  return changeAccount(ctx, admin, id, "user.reactivated", async (trx, row) => {
    if (row.active) return null;
    const updated = await updateStaffRow(trx, id, { active: true });
    return { row: updated, before: { active: false }, after: { active: true } };
  });
}

export async function unlockStaffAccount(ctx: AppContext, admin: User, id: string) {
  return changeAccount(ctx, admin, id, "user.unlocked", async (trx, row) => {
    if (row.failed_login_count === 0 && row.locked_until === null) return null;
    const updated = await updateStaffRow(trx, id, { failed_login_count: 0, locked_until: null });
    return {
      row: updated,
      before: { failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until },
      after: { failedLoginCount: 0, lockedUntil: null },
    };
  });
}
