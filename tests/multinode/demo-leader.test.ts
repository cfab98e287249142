import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { claimDemoLeadership } from "../../server/demo/demo-leader.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";
import { adminDatabaseUrl, runCleanup, unavailableServices } from "./services.ts";

const skipReason = await unavailableServices();
if (skipReason) console.warn(skipReason);

/** Resolves once some connection is waiting for an advisory lock in that database. */
async function someoneWaitsForALock(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "select 1 from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())",
      );
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("no node waited for the demo seed lock");
  } finally {
    await client.end();
  }
}

describe.skipIf(skipReason !== null)("the demo with several nodes on one database", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await runCleanup(cleanup);
  });

  it("lets one node seed and stream; the others wait for the seeding, then only serve", async () => {
    const fresh = await freshPostgresDatabase(adminDatabaseUrl);
    cleanup.push(() => fresh.drop());

    const first = await claimDemoLeadership(fresh.url);
    cleanup.push(() => first.release());
    expect(first.leader).toBe(true);

    let secondDone = false;
    const second = claimDemoLeadership(fresh.url).then((claim) => {
      secondDone = true;
      return claim;
    });
    await someoneWaitsForALock(fresh.url);
    expect(secondDone).toBe(false); // still seeding: the second node may not start its timers yet

    await first.seeded();
    expect((await second).leader).toBe(false);

    // The leader goes away (shutdown or crash): the next node to start takes the demo over.
    await first.release();
    const third = await claimDemoLeadership(fresh.url);
    cleanup.push(() => third.release());
    expect(third.leader).toBe(true);
  });

  it("is always the leader on the embedded database, which one process owns", async () => {
    const claim = await claimDemoLeadership(undefined);
    expect(claim.leader).toBe(true);
  });
});
