import type { User } from "../../shared/schemas/user.ts";
import { createApiKey } from "../api-keys/service.ts";
import type { AppContext } from "../app-context.ts";

export const DEMO_KEY_LABEL = "Demo bedside monitors";

/**
 * A fresh ingest key for the demo monitors at every start (the secret of an earlier one is not
 * stored, so it cannot be reused); earlier demo keys are revoked.
 */
export async function rotateDemoKey(ctx: AppContext, admin: User): Promise<{ secret: string; device: User }> {
  await ctx.db
    .updateTable("api_keys")
    .set({ revoked_at: ctx.now(), revoked_by: admin.id })
    .where("label", "=", DEMO_KEY_LABEL)
    .where("revoked_at", "is", null)
    .execute();
  const { apiKey, secret } = await createApiKey(ctx, admin, DEMO_KEY_LABEL);
  const device: User = { ...apiKey.device, username: `device:${apiKey.id}` };
  return { secret, device };
}
