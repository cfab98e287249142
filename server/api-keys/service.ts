import { randomBytes } from "node:crypto";
import { API_KEY_PREFIX, type CreateApiKeyResponse } from "../../shared/schemas/api-key.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { AppContext } from "../app-context.ts";
import { hashToken } from "../auth/session-cookie.ts";
import { notFound } from "../http/errors.ts";
import { findApiKey, insertApiKey, revokeApiKeyRow } from "./repo.ts";

/** Stored instead of a password hash: it is not a scrypt string, so no password ever matches it. */
export const NO_PASSWORD = "!device-no-login";

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * Creates an ingest key and its device actor ("Device: <label>", role device, no password) in one
 * transaction. The secret is returned once; only its sha256 is stored.
 */
export async function createApiKey(
  ctx: AppContext,
  admin: User,
  label: string,
): Promise<CreateApiKeyResponse> {
  const secret = newApiKeySecret();
  const id = crypto.randomUUID();
  const now = ctx.now();
  const apiKey = await ctx.db.transaction().execute(async (trx) => {
    const deviceId = crypto.randomUUID();
    await trx
      .insertInto("users")
      .values({
        id: deviceId,
        username: `device:${id}`,
        display_name: `Device: ${label}`,
        role: "device",
        password_hash: NO_PASSWORD,
      })
      .execute();
    return insertApiKey(trx, {
      id,
      label,
      key_hash: hashToken(secret),
      scope: "ingest",
      device_user_id: deviceId,
      created_by: admin.id,
      created_at: now,
      revoked_at: null,
      revoked_by: null,
    });
  });
  return { apiKey, secret };
}

export async function revokeApiKey(ctx: AppContext, admin: User, id: string) {
  if (!(await findApiKey(ctx.db, id))) throw notFound("API key");
  await revokeApiKeyRow(ctx.db, id, admin.id, ctx.now());
  return (await findApiKey(ctx.db, id))!;
}
