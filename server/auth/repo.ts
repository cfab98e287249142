import type { Kysely } from "kysely";
import type { Role, User } from "../../shared/schemas/user.ts";
import type { Database } from "../db/schema.ts";

type UserRow = { id: string; username: string; display_name: string; role: Role };

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

export async function findUserForLogin(db: Kysely<Database>, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createUser(
  db: Kysely<Database>,
  user: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<User> {
  const row = await db
    .insertInto("users")
    .values({
      id: crypto.randomUUID(),
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAuthSession(
  db: Kysely<Database>,
  tokenHash: string,
  userId: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto("auth_sessions")
    .values({
      token_hash: tokenHash,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
}

export async function findUserByAuthSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  const row = await db
    .selectFrom("auth_sessions")
    .innerJoin("users", "users.id", "auth_sessions.user_id")
    .select(["users.id", "users.username", "users.display_name", "users.role"])
    .where("auth_sessions.token_hash", "=", tokenHash)
    .where("auth_sessions.expires_at", ">", now)
    // A device never holds a login session; refuse one even if it were ever written.
    .where("users.role", "<>", "device")
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function deleteAuthSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  // Logging out ends the server-side session; auth sessions are credentials, not clinical records.
  await db.deleteFrom("auth_sessions").where("token_hash", "=", tokenHash).execute();
}
