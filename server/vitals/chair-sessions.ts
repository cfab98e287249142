import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../http/errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The active (not discharged) sessions sitting in each chair (up to 3 each is enough to tell "several"). */
export async function activeSessionsInChairs(db: Db, chairs: string[]): Promise<Map<string, string[]>> {
  const result = new Map(chairs.map((c) => [c, [] as string[]]));
  if (chairs.length === 0) return result;
  const rows = await db
    .selectFrom("infusion_sessions")
    .select(["id", "chair"])
    .where("chair", "in", chairs)
    .where("phase", "<>", "discharged")
    .execute();
  for (const row of rows) result.get(row.chair)?.push(row.id);
  return result;
}

/** The active (not discharged) sessions of each chair among sessions already loaded (e.g. locked). */
export function activeSessionsIn(
  chairs: readonly string[],
  sessions: ReadonlyMap<string, { id: string; chair: string; phase: string }>,
): Map<string, string[]> {
  const result = new Map(chairs.map((c) => [c, [] as string[]]));
  for (const session of sessions.values()) {
    if (session.phase !== "discharged") result.get(session.chair)?.push(session.id);
  }
  return result;
}

/** The one session of a chair: 404 when none, 409 when several. */
export function oneSessionInChair(chair: string, ids: string[]): string {
  if (ids.length === 0) {
    throw new HttpError(
      404,
      "not_found",
      `No active session in chair ${chair}: start a session in this chair before streaming readings.`,
    );
  }
  if (ids.length > 1) {
    throw new HttpError(
      409,
      "conflict",
      `Chair ${chair} has ${ids.length} active sessions; discharge the stale one so readings go to the right patient.`,
    );
  }
  return ids[0]!;
}

export const usedBySession = () =>
  new HttpError(409, "conflict", "This reading id is already used by another session.", {
    issues: [{ path: "id", message: "is already used by another session" }],
  });

export const usedByChair = () =>
  new HttpError(409, "conflict", "This reading id is already used by another chair.", {
    issues: [{ path: "id", message: "is already used by another chair" }],
  });
