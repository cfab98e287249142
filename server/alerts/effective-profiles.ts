import { type Kysely, sql, type Transaction } from "kysely";
import { defaultProfile, parseProfile, type ThresholdProfile } from "../../shared/clinical/engine/profile.ts";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A profile with the key of the version it comes from ("default": the built-in profile, no version stored). */
export interface KeyedProfile {
  key: string;
  profile: ThresholdProfile;
}

export const builtInProfileKey = "default";

/** The effective profile of several sessions: each session's latest override, else the clinic's latest. */
export async function effectiveProfiles(db: Db, sessionIds: string[]): Promise<Map<string, KeyedProfile>> {
  if (sessionIds.length === 0) return new Map();
  // One round trip: each session's latest override, and the clinic's latest profile (session_id null).
  const { rows } = await sql<{ id: string; session_id: string | null; profile: unknown }>`
    (select distinct on (session_id) id, session_id, profile from threshold_profile_versions
      where scope = 'session' and session_id in (${sql.join(sessionIds.map((id) => sql`${id}::uuid`))})
      order by session_id, changed_at desc)
    union all
    (select id, null, profile from threshold_profile_versions where scope = 'clinic'
      order by changed_at desc limit 1)`.execute(db);
  const clinic = rows.find((r) => r.session_id === null);
  const fallback = clinic
    ? { key: clinic.id, profile: parseProfile(clinic.profile) }
    : { key: builtInProfileKey, profile: defaultProfile };
  const result = new Map<string, KeyedProfile>();
  for (const row of rows) {
    if (row.session_id !== null)
      result.set(row.session_id, { key: row.id, profile: parseProfile(row.profile) });
  }
  for (const id of sessionIds) if (!result.has(id)) result.set(id, fallback);
  return result;
}

export async function effectiveKeyedProfile(db: Db, sessionId: string): Promise<KeyedProfile> {
  return (await effectiveProfiles(db, [sessionId])).get(sessionId)!;
}

/** Parsed profiles by key: a version is never changed (append-only), so a key always names the same profile. */
const parsedByKey = new Map<string, ThresholdProfile>();
const parsedCapacity = 1_000;

/**
 * The profiles some keys name, parsed once per process: each batch needs its sessions' profiles, and
 * reading and parsing the same JSON again on every batch cost more than the rest of the lookup.
 */
export async function profilesByKeys(db: Db, keys: Iterable<string>): Promise<Map<string, ThresholdProfile>> {
  const result = new Map<string, ThresholdProfile>();
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const known = key === builtInProfileKey ? defaultProfile : parsedByKey.get(key);
    if (known) result.set(key, known);
    else missing.push(key);
  }
  if (missing.length === 0) return result;
  const rows = await db
    .selectFrom("threshold_profile_versions")
    .select(["id", "profile"])
    .where("id", "in", missing)
    .execute();
  for (const row of rows) {
    const profile = parseProfile(row.profile);
    if (parsedByKey.size >= parsedCapacity) parsedByKey.delete(parsedByKey.keys().next().value!);
    parsedByKey.set(row.id, profile);
    result.set(row.id, profile);
  }
  const unknown = missing.find((key) => !result.has(key));
  if (unknown !== undefined) throw new Error(`no threshold profile version ${unknown}`);
  return result;
}

/** The profile a key names (versions are append-only, so a key always names the same profile). */
export async function profileByKey(db: Db, key: string): Promise<ThresholdProfile> {
  return (await profilesByKeys(db, [key])).get(key)!;
}
