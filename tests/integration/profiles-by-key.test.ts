import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import { describe, expect, it } from "vitest";
import { builtInProfileKey, profilesByKeys } from "../../server/alerts/effective-profiles.ts";
import { appendProfileVersion } from "../../server/alerts/profiles-repo.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { defaultProfile } from "../../shared/clinical/engine/profile.ts";
import { databaseForFile } from "../support/test-database.ts";

/** Counts the statements run through it. */
class QueryCount implements KyselyPlugin {
  n = 0;
  transformQuery({ node }: PluginTransformQueryArgs) {
    this.n++;
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    return result;
  }
}

const database = databaseForFile({ migrate: true });

describe("threshold profiles by version key", () => {
  it("reads and parses a version once, then answers from memory; the built-in needs no query", async () => {
    const { admin } = await ensureDemoAccounts(database().db);
    const stricter = structuredClone(defaultProfile);
    stricter.vitals.hr!.levels.push({ op: ">=", value: 105, priority: "medium" });
    await appendProfileVersion(database().db, {
      sessionId: null,
      profile: stricter,
      reason: "Cardiology advice",
      changedBy: admin.id,
      changedAt: new Date(),
    });
    const { id } = await database()
      .db.selectFrom("threshold_profile_versions")
      .select("id")
      .executeTakeFirstOrThrow();
    const count = new QueryCount();
    const db = database().db.withPlugin(count);
    const first = await profilesByKeys(db, [id, builtInProfileKey, id]);
    expect(count.n).toBe(1);
    expect(first.get(id)).toEqual(stricter);
    expect(first.get(builtInProfileKey)).toEqual(defaultProfile);
    const again = await profilesByKeys(db, [id]);
    expect(count.n).toBe(1);
    expect(again.get(id)).toBe(first.get(id));
    // Shared by every caller, so nobody may change one in place: not the parsed version, not the built-in.
    for (const shared of [first.get(id)!, first.get(builtInProfileKey)!]) {
      expect(() => shared.vitals.hr!.levels.push({ op: ">=", value: 90, priority: "low" })).toThrow(
        TypeError,
      );
      expect(() => {
        shared.vitals.hr!.levels[0]!.value = 1;
      }).toThrow(TypeError);
    }
    expect(defaultProfile.vitals.hr!.levels).not.toContainEqual({ op: ">=", value: 90, priority: "low" });
  });

  it("refuses a key no version has", async () => {
    await expect(profilesByKeys(database().db, [crypto.randomUUID()])).rejects.toThrow(
      "no threshold profile version",
    );
  });
});
