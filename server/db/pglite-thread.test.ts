import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PGliteThread } from "./pglite-thread.ts";

const open: PGliteThread[] = [];
async function start(options: Parameters<typeof PGliteThread.start>[0] = {}): Promise<PGliteThread> {
  const thread = await PGliteThread.start(options);
  open.push(thread);
  return thread;
}

afterEach(async () => {
  for (const thread of open.splice(0)) await thread.close().catch(() => {});
});

// Starting PGlite (initdb included) takes seconds, more when the machine is busy: the tests that only
// query share one thread, the ones about starting, closing and reopening start their own.
describe("PGlite on its own thread", { timeout: 30_000 }, () => {
  let shared: PGliteThread;
  beforeAll(async () => {
    shared = await PGliteThread.start({});
  }, 30_000);
  afterAll(() => shared.close());

  it("answers queries with PGlite's parsed values, dates kept as text", async () => {
    const { rows } = await shared.query<{ n: number; at: Date; d: string; j: { a: number[] } }>(
      "select 1::int as n, '2026-11-23T03:00:00Z'::timestamptz as at, '1980-01-31'::date as d, $1::jsonb as j",
      ['{"a":[1,2]}'],
    );
    expect(rows).toEqual([{ n: 1, at: new Date("2026-11-23T03:00:00Z"), d: "1980-01-31", j: { a: [1, 2] } }]);
  });

  it("counts the rows a write changed", async () => {
    await shared.query("create table counted (id int primary key)", []);
    const inserted = await shared.query("insert into counted values (1), (2), (3)", []);
    expect(inserted.affectedRows).toBe(3);
  });

  it("rejects a failed statement with PostgreSQL's code and constraint, and goes on serving", async () => {
    await shared.query("create table t (id int primary key)", []);
    await shared.query("insert into t values (1)", []);
    await expect(shared.query("insert into t values (1)", [])).rejects.toMatchObject({
      code: "23505",
      constraint: "t_pkey",
      message: expect.stringContaining("duplicate key"),
    });
    expect((await shared.query<{ n: number }>("select count(*)::int as n from t", [])).rows).toEqual([
      { n: 1 },
    ]);
  });

  it("keeps what was committed in its data directory across a close, and restores a dump", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pglite-thread-"));
    try {
      const first = await start({ dataDir });
      await first.query("create table t (id int)", []);
      await first.query("insert into t values (7)", []);
      const dump = await first.dumpDataDir();
      await first.close();
      const reopened = await start({ dataDir });
      expect((await reopened.query("select id from t", [])).rows).toEqual([{ id: 7 }]);
      const copy = await start({ loadDataDir: await dump.arrayBuffer() });
      expect((await copy.query("select id from t", [])).rows).toEqual([{ id: 7 }]);
    } finally {
      for (const thread of open.splice(0)) await thread.close().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === "linux")(
    "runs the database at a lower priority than the sockets' thread",
    async () => {
      const niceOfThreads = () =>
        fs.readdirSync("/proc/self/task").map((tid) => {
          const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]); // field 19: nice
        });
      const before = niceOfThreads().filter((n) => n === 10).length;
      const db = await start();
      await db.query("select 1", []);
      expect(niceOfThreads().filter((n) => n === 10).length).toBe(before + 1);
      expect(os.getPriority()).toBe(0);
    },
  );

  it("refuses queries once closed", async () => {
    const db = await start();
    await db.close();
    await expect(db.query("select 1", [])).rejects.toThrow(/closed/);
  });
});
