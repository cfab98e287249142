import type { Kysely, Selectable } from "kysely";
import type { ApiKey } from "../../shared/schemas/api-key.ts";
import type { User } from "../../shared/schemas/user.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import { toUser } from "../auth/repo.ts";
import type { Database } from "../db/schema.ts";
import type { ApiKeysTable } from "../db/tables/accounts.ts";
import { iso } from "../db/time.ts";

type Row = Selectable<ApiKeysTable>;

async function withActors(db: Kysely<Database>, rows: Row[]): Promise<ApiKey[]> {
  const actors = await actorsById(
    db,
    rows.flatMap((r) => [r.device_user_id, r.created_by]),
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    scope: r.scope,
    device: actorOf(actors, r.device_user_id),
    createdBy: actorOf(actors, r.created_by),
    createdAt: iso(r.created_at),
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
  }));
}

export async function insertApiKey(db: Kysely<Database>, row: ApiKeysTable): Promise<ApiKey> {
  const inserted = await db.insertInto("api_keys").values(row).returningAll().executeTakeFirstOrThrow();
  return (await withActors(db, [inserted]))[0]!;
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKey[]> {
  const rows = await db.selectFrom("api_keys").selectAll().orderBy("created_at", "desc").execute();
  return withActors(db, rows);
}

export async function findApiKey(db: Kysely<Database>, id: string): Promise<ApiKey | null> {
  const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withActors(db, [row]))[0]! : null;
}

/** Sets revoked_at once; revoking a revoked key keeps the first revocation. */
export async function revokeApiKeyRow(db: Kysely<Database>, id: string, by: string, now: Date) {
  await db
    .updateTable("api_keys")
    .set({ revoked_at: now, revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

/** The device actor of a live (unrevoked) ingest key, by the hash of its secret. */
export async function findDeviceByKeyHash(db: Kysely<Database>, keyHash: string): Promise<User | null> {
  const row = await db
    .selectFrom("api_keys")
    .innerJoin("users", "users.id", "api_keys.device_user_id")
    .select(["users.id", "users.username", "users.display_name", "users.role"])
    .where("api_keys.key_hash", "=", keyHash)
    .where("api_keys.revoked_at", "is", null)
    .where("api_keys.scope", "=", "ingest")
    .where("users.role", "=", "device")
    .executeTakeFirst();
  return row ? toUser(row) : null;
}
