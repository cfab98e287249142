import type { KyselyPlugin, RootOperationNode } from "kysely";
import { RawNode } from "kysely";
import { describe, expect, it } from "vitest";
import { fixedStatement } from "../../server/db/fixed-statement.ts";
import { databaseForFile } from "../support/test-database.ts";

const database = databaseForFile();

const pairs = fixedStatement<{ id: string; n: number; at: Date }>(
  "select * from unnest($1::uuid[], $2::int[], $3::timestamptz[]) as v(id, n, at) order by n",
);

describe("fixed statements", () => {
  it("binds lists as arrays: one text for any number of rows, none included", async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const at = new Date("2026-11-23T09:00:00.000Z");
    expect(await pairs(database().db, [ids, [3, 1, 2], [at, at, at]])).toEqual([
      { id: ids[1], n: 1, at },
      { id: ids[2], n: 2, at },
      { id: ids[0], n: 3, at },
    ]);
    expect(await pairs(database().db, [[ids[0]], [7], [at]])).toEqual([{ id: ids[0], n: 7, at }]);
    expect(await pairs(database().db, [[], [], []])).toEqual([]);
  });

  it("runs through Kysely's plugins, which see its text and values", async () => {
    const seen: { text: string; values: number }[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: ({ node }): RootOperationNode => {
        if (RawNode.is(node))
          seen.push({ text: node.sqlFragments.join("?"), values: node.parameters.length });
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    await pairs(database().db.withPlugin(plugin), [[], [], []]);
    expect(seen).toEqual([
      {
        text: "select * from unnest(?::uuid[], ?::int[], ?::timestamptz[]) as v(id, n, at) order by n",
        values: 3,
      },
    ]);
  });

  it("refuses a text whose placeholders are not $1…$n in order, each once", () => {
    expect(() => fixedStatement("select $2::int, $1::int")).toThrow(/\$1…\$n, each once, in order/);
    expect(() => fixedStatement("select $1::int, $1::int")).toThrow(/\$1…\$n, each once, in order/);
  });

  it("refuses the wrong number of values before anything reaches the database", async () => {
    await expect(pairs(database().db, [[], []])).rejects.toThrow("a fixed statement takes 3 values, given 2");
  });
});
