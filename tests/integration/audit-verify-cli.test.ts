import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { appendAudit, verifyChain } from "../../server/audit/log.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";

/** `npm run audit:verify` (tsx server/cli/audit-verify.ts) as a child process on a temporary PGlite data dir. */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(dataDir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/audit-verify.ts"],
      { cwd: process.cwd(), timeout: 60_000, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const root = mkdtempSync(join(tmpdir(), "vigil-audit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("audit:verify CLI", () => {
  it("seals, exits 0 on an intact chain, 1 naming the first tampered seq, and refuses a data dir in use", async () => {
    const dataDir = join(root, "data");
    let handle = await openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    for (let i = 1; i <= 3; i++) {
      await handle.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: { id: null, name: "test" },
          action: "test.write",
          entity: "thing",
          entityId: String(i),
          after: { n: i },
          at: new Date(),
        }),
      );
    }
    // As after a crash: nothing sealed yet. The CLI seals what a restarted server would, then verifies.
    expect(await verifyChain(handle.db)).toMatchObject({ ok: true, sealedThrough: 0, unsealed: 3 });
    await handle.close();

    const intact = await run(dataDir);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toEqual({ ok: true, rows: 3, seals: 1, sealedThrough: 3, unsealed: 0 });

    handle = await openDatabase({ dataDir });
    const busy = await run(dataDir);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/in use by another Vigil process/);
    expect(busy.stderr).toMatch(/GET \/api\/audit\/verify/);
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(handle.db);
    await sql`update audit_log set after = '{"n": 20}' where seq = 2`.execute(handle.db);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(handle.db);
    await handle.close();

    const tampered = await run(dataDir);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout)).toMatchObject({ ok: false, firstBadSeq: 2 });
    expect(tampered.stderr).toMatch(/seq 2/);
  }, 120_000);
});
