import type { Kysely, Transaction } from "kysely";
import type { StaffAccount } from "../../shared/schemas/user-admin.ts";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

const columns = [
  "id",
  "username",
  "display_name",
  "role",
  "active",
  "locked_until",
  "failed_login_count",
  "created_at",
] as const;

type StaffRow = Pick<Database["users"], "id" | "username" | "display_name" | "role" | "locked_until"> & {
  active: boolean;
  failed_login_count: number;
  created_at: Date;
};

export function toStaffAccount(row: StaffRow, now: Date): StaffAccount {
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffAccount["role"],
    active: row.active,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil.toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Every login account, oldest first; device actors belong to their API keys and are left out. */
export async function listStaffRows(db: Db) {
  return db
    .selectFrom("users")
    .select(columns)
    .where("role", "<>", "device")
    .orderBy("created_at")
    .orderBy("username")
    .execute();
}

/** The staff account, locked for the rest of the transaction (concurrent admin actions queue up). */
export async function findStaffRowForUpdate(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom("users")
    .select(columns)
    .where("id", "=", id)
    .where("role", "<>", "device")
    .forUpdate()
    .executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  return row !== undefined;
}

export async function insertStaffRow(
  trx: Transaction<Database>,
  values: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    passwordHash: string;
    now: Date;
  },
) {
  return trx
    .insertInto("users")
    .values({
      id: values.id,
      username: values.username,
      display_name: values.displayName,
      role: values.role as Database["users"]["role"],
      password_hash: values.passwordHash,
      created_at: values.now,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateStaffRow(
  trx: Transaction<Database>,
  id: string,
  set: { active?: boolean; password_hash?: string; failed_login_count?: number; locked_until?: Date | null },
) {
  return trx.updateTable("users").set(set).where("id", "=", id).returning(columns).executeTakeFirstOrThrow();
}

/**
 * Active admins, rows locked: two admins deactivating each other at once queue here, so one of them
 * always stays.
 */
export async function activeAdminIds(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .where("active", "=", true)
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Ends every login of the user; returns the token hashes so their sockets can be closed after commit. */
export async function endAllLogins(trx: Transaction<Database>, userId: string): Promise<string[]> {
  const ended = await trx
    .deleteFrom("auth_sessions")
    .where("user_id", "=", userId)
    .returning("token_hash")
    .execute();
  return ended.map((row) => row.token_hash);
}
