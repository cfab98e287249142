import type { Kysely, Transaction } from "kysely";
import { defaultProfile, parseProfile, type ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import type { ProfileVersion } from "../../shared/schemas/profile.ts";
import { actorOf, actorsById } from "../auth/actors.ts";
import type { Database } from "../db/schema.ts";
import type { ThresholdProfileVersionsTable } from "../db/tables/alerts.ts";
import { iso } from "../db/time.ts";
import { effectiveKeyedProfile } from "./effective-profiles.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function toVersions(db: Db, rows: ThresholdProfileVersionsTable[]): Promise<ProfileVersion[]> {
  const actors = await actorsById(
    db,
    rows.map((r) => r.changed_by),
  );
  return rows.map((row) => ({
    id: row.id,
    scope: row.scope,
    sessionId: row.session_id,
    profile: parseProfile(row.profile),
    reason: row.reason,
    changedBy: actorOf(actors, row.changed_by),
    changedAt: iso(row.changed_at),
  }));
}

export async function profileHistory(db: Db, sessionId: string | null): Promise<ProfileVersion[]> {
  let query = db
    .selectFrom("threshold_profile_versions")
    .selectAll()
    .orderBy("changed_at", "desc")
    .limit(100);
  query = sessionId
    ? query.where("scope", "=", "session").where("session_id", "=", sessionId)
    : query.where("scope", "=", "clinic");
  return toVersions(db, await query.execute());
}

export async function currentClinicProfile(db: Db): Promise<{ profile: ThresholdProfile; builtIn: boolean }> {
  const [latest] = await profileHistory(db, null);
  return latest ? { profile: latest.profile, builtIn: false } : { profile: defaultProfile, builtIn: true };
}

/** The session's override if a physician set one, otherwise the clinic default. */
export async function effectiveProfile(db: Db, sessionId: string): Promise<ThresholdProfile> {
  return (await effectiveKeyedProfile(db, sessionId)).profile;
}

export async function appendProfileVersion(
  db: Db,
  version: {
    sessionId: string | null;
    profile: ThresholdProfile;
    reason: string;
    changedBy: string;
    changedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("threshold_profile_versions")
    .values({
      id: crypto.randomUUID(),
      scope: version.sessionId ? "session" : "clinic",
      session_id: version.sessionId,
      profile: JSON.stringify(version.profile),
      reason: version.reason,
      changed_by: version.changedBy,
      changed_at: version.changedAt,
    })
    .execute();
}
