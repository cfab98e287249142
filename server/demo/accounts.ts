import type { Kysely } from "kysely";
import type { Role, User } from "../../shared/schemas/user.ts";
import { hashPassword } from "../auth/passwords.ts";
import { createUser, findUserForLogin, toUser } from "../auth/repo.ts";
import type { Database } from "../db/schema.ts";

/** Demo logins, created only in demo mode (VIGIL_DEMO=1, the default for npm start). */
export const demoAccounts: { username: string; password: string; displayName: string; role: Role }[] = [
  { username: "nurse", password: "nurse-demo", displayName: "Nurse Alex Morgan", role: "nurse" },
  { username: "physician", password: "physician-demo", displayName: "Dr. Sam Rivera", role: "physician" },
  { username: "admin", password: "admin-demo", displayName: "Admin Jo Lee", role: "admin" },
];

export async function ensureUser(
  db: Kysely<Database>,
  account: { username: string; password: string; displayName: string; role: Role },
): Promise<User> {
  const existing = await findUserForLogin(db, account.username);
  if (existing) return toUser(existing);
  try {
    return await createUser(db, { ...account, passwordHash: await hashPassword(account.password) });
  } catch (error) {
    // Another node starting at the same moment created it first (unique username): use theirs.
    const created = await findUserForLogin(db, account.username);
    if (created) return toUser(created);
    throw error;
  }
}

export async function ensureDemoAccounts(
  db: Kysely<Database>,
): Promise<{ nurse: User; physician: User; admin: User }> {
  const [nurse, physician, admin] = await Promise.all(demoAccounts.map((a) => ensureUser(db, a)));
  return { nurse: nurse!, physician: physician!, admin: admin! };
}
