import fs from "node:fs";
import { verifyChain } from "../audit/log.ts";
import { sealAudit } from "../audit/sealer.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";

/**
 * npm run audit:verify — seals the rows not yet sealed (what a running server does every second), then
 * recomputes the audit log's hash chain against its seals and prints a JSON summary: exit 0 when intact,
 * 1 when a row does not verify (firstBadSeq names it), 2 when the database cannot be read. Opens
 * DATABASE_URL, or the embedded database in VIGIL_DATA_DIR (default ./data); an embedded database in use
 * by a running server cannot be opened: ask the server instead (GET /api/audit/verify).
 */
async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl && !fs.existsSync(config.dataDir)) {
    process.stderr.write(
      `audit:verify: no database in ${config.dataDir} (set VIGIL_DATA_DIR or DATABASE_URL)\n`,
    );
    return 2;
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    process.stderr.write(
      `audit:verify: ${(error as Error).message}\n` +
        "While the server runs, verify through it instead: GET /api/audit/verify (as an admin).\n",
    );
    return 2;
  }
  try {
    const sealed = await sealAudit(handle.db).catch((error: Error) => {
      process.stderr.write(
        `audit:verify: could not seal first (${error.message}); verifying what is sealed\n`,
      );
      return null;
    });
    if (sealed?.rows)
      process.stderr.write(`audit:verify: sealed ${sealed.rows} rows written since the last seal\n`);
    const report = await verifyChain(handle.db);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (!report.ok) process.stderr.write(`audit:verify: the chain is broken at seq ${report.firstBadSeq}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`audit:verify: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
