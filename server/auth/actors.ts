import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../../shared/schemas/user.ts";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Resolves user ids to the name and role shown next to an entry, an acknowledgement or a signature. */
export async function actorsById(db: Db, ids: Iterable<string | null>): Promise<Map<string, Actor>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name", "role"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, role: r.role }]));
}

export function actorOf(actors: Map<string, Actor>, id: string): Actor {
  return actors.get(id) ?? { id, displayName: "Unknown user", role: "nurse" };
}
