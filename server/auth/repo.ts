import type { Kysely, Transaction } from "kysely";
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
    // A deactivated account's sessions stop working at once, even one that was never deleted.
    .where("users.active", "=", true)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The session's user and when it was last used, if the session is live at `now`. */
export async function findAuthSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  const row = await db
    .selectFrom("auth_sessions")
    .innerJoin("users", "users.id", "auth_sessions.user_id")
    .select(["users.id", "users.username", "users.display_name", "users.role", "auth_sessions.last_seen_at"])
    .where("auth_sessions.token_hash", "=", tokenHash)
    .where("auth_sessions.expires_at", ">", now)
    .where("users.role", "<>", "device")
    // A deactivated account's sessions stop working at once, even one that was never deleted.
    .where("users.active", "=", true)
    .executeTakeFirst();
  return row ? { user: toUser(row), lastSeenAt: new Date(row.last_seen_at) } : null;
}

/** Sliding expiry: a session in use stays valid; one idle for the whole TTL expires. */
export async function touchAuthSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable("auth_sessions")
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where("token_hash", "=", tokenHash)
    .execute();
}

/** Ends every session of a user but one (after a password change the other devices must log in again). */
export async function deleteOtherAuthSessions(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  keepTokenHash: string,
): Promise<string[]> {
  const ended = await db
    .deleteFrom("auth_sessions")
    .where("user_id", "=", userId)
    .where("token_hash", "<>", keepTokenHash)
    .returning("token_hash")
    .execute();
  return ended.map((row) => row.token_hash);
}

export async function setPasswordHash(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  passwordHash: string,
) {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function deleteAuthSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  // Logging out ends the server-side session; auth sessions are credentials, not clinical records.
  await db.deleteFrom("auth_sessions").where("token_hash", "=", tokenHash).execute();
}
