import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { migrations } from "../../server/db/migrations/index.ts";
import { freshPostgresDatabase } from "../support/postgres.ts";
import { adminDatabaseUrl, runCleanup, unavailableServices } from "./services.ts";

const skipReason = await unavailableServices();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)("migrations with several nodes starting together", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await runCleanup(cleanup);
  });

  it("applies every migration exactly once when three nodes migrate a fresh database at the same time", async () => {
    const fresh = await freshPostgresDatabase(adminDatabaseUrl);
    cleanup.push(() => fresh.drop());
    // One pool per "node", as three processes would have.
    const nodes = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url })));
    for (const node of nodes) cleanup.push(() => node.close());

    const applied = await Promise.all(nodes.map((node) => migrateToLatest(node.db)));

    expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    const rows = await nodes[0]!.db
      .selectFrom("kysely_migration" as never)
      .selectAll()
      .execute();
    expect(rows).toHaveLength(Object.keys(migrations).length);
  });
});
