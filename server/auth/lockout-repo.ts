import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Counts one failed login for the account and, when the count reaches `maxFailures`, locks it until
 * `now + lockoutMs` and starts counting afresh. Atomic: concurrent failures each count once.
 * Returns the end of the lockout this failure started, or null when the account stays open.
 */
export async function recordLoginFailure(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  limits: { maxFailures: number; lockoutMs: number },
): Promise<Date | null> {
  const row = await db
    .updateTable("users")
    .set((eb) => ({ failed_login_count: eb("failed_login_count", "+", 1) }))
    .where("id", "=", userId)
    .returning("failed_login_count")
    .executeTakeFirst();
  if (!row || row.failed_login_count < limits.maxFailures) return null;
  const until = new Date(now.getTime() + limits.lockoutMs);
  await db
    .updateTable("users")
    .set({ failed_login_count: 0, locked_until: until })
    .where("id", "=", userId)
    .execute();
  return until;
}

export async function clearLoginFailures(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ failed_login_count: 0, locked_until: null })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("failed_login_count", "<>", 0), eb("locked_until", "is not", null)]))
    .execute();
}

/** The end of the account's lockout if it is locked at `now`. */
export async function lockedUntil(db: Kysely<Database>, userId: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom("users").select("locked_until").where("id", "=", userId).executeTakeFirst();
  const until = row?.locked_until ? new Date(row.locked_until) : null;
  return until && until > now ? until : null;
}
