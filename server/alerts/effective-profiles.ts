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

/**
 * SQL text for the version key of a session's effective profile: its latest override, else the clinic's
 * latest profile, else null (the built-in one). `sessionIdColumn` names a uuid column of the query (a
 * name written in the code, never a value).
 */
export const effectiveProfileKeyText = (sessionIdColumn: string): string => `coalesce(
    (select p.id from threshold_profile_versions p where p.scope = 'session' and p.session_id = ${sessionIdColumn}
      order by p.changed_at desc limit 1),
    (select p.id from threshold_profile_versions p where p.scope = 'clinic'
      order by p.changed_at desc limit 1))`;

/** The effective profile of several sessions: each session's latest override, else the clinic's latest. */
export async function effectiveProfiles(db: Db, sessionIds: string[]): Promise<Map<string, KeyedProfile>> {
  if (sessionIds.length === 0) return new Map();
  const { rows } = await sql<{ session_id: string; profile_key: string | null }>`
    select v.id as session_id, ${sql.raw(effectiveProfileKeyText("v.id"))} as profile_key
    from unnest(${sessionIds}::uuid[]) as v(id)`.execute(db);
  return keyedProfiles(db, rows);
}

/** Each session's profile, from its effective profile's key (null: the built-in profile). */
export async function keyedProfiles(
  db: Db,
  rows: { session_id: string; profile_key: string | null }[],
): Promise<Map<string, KeyedProfile>> {
  const keyOf = new Map(rows.map((r) => [r.session_id, r.profile_key ?? builtInProfileKey]));
  const parsed = await profilesByKeys(db, keyOf.values());
  return new Map([...keyOf].map(([id, key]) => [id, { key, profile: parsed.get(key)! }]));
}

export async function effectiveKeyedProfile(db: Db, sessionId: string): Promise<KeyedProfile> {
  return (await effectiveProfiles(db, [sessionId])).get(sessionId)!;
}

/** Parsed profiles by key: a version is never changed (append-only), so a key always names the same profile. */
const parsedByKey = new Map<string, ThresholdProfile>();
const parsedCapacity = 1_000;

/**
 * Every caller shares one object per key (the built-in one too): frozen, so code that changed one in place
 * (and with it every session's thresholds) fails at once, in strict mode, instead.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
const builtInProfile = deepFreeze(structuredClone(defaultProfile));

/**
 * The profiles some keys name, parsed once per process: each batch needs its sessions' profiles, and
 * reading and parsing the same JSON again on every batch cost more than the rest of the lookup.
 */
export async function profilesByKeys(db: Db, keys: Iterable<string>): Promise<Map<string, ThresholdProfile>> {
  const result = new Map<string, ThresholdProfile>();
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const known = key === builtInProfileKey ? builtInProfile : parsedByKey.get(key);
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
    const profile = deepFreeze(parseProfile(row.profile));
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
