import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createApiKey } from "../../../server/api-keys/service.ts";
import { createVigilServer } from "../../../server/app.ts";
import type { AppContext } from "../../../server/app-context.ts";
import { loadConfig } from "../../../server/config.ts";
import { openDatabase } from "../../../server/db/database.ts";
import { migrateToLatest } from "../../../server/db/migrate.ts";
import { demoAccounts, ensureDemoAccounts } from "../../../server/demo/accounts.ts";
import { traceEventLoop } from "./loop-trace.ts";
import { seedChairs } from "./seed-chairs.ts";
import { failSetup, serveParent } from "./server-protocol.ts";

/**
 * Child process: the real Vigil server on a fresh database (PGlite in a temporary data directory, as
 * `npm start` keeps one, or PostgreSQL when DATABASE_URL is set) with BENCH_CHAIRS pre-infusion sessions,
 * one per chair, and one ingest API key.
 */
const chairs = Number(process.env.BENCH_CHAIRS ?? 100);

traceEventLoop("vigil");

try {
  const started = performance.now();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-server-"));
  const handle = await openDatabase({ databaseUrl, dataDir });
  await migrateToLatest(handle.db);
  const { nurse, admin } = await ensureDemoAccounts(handle.db);
  const config = { ...loadConfig({ VIGIL_LOG_LEVEL: "warn" }), demo: false };
  const server = createVigilServer({ db: handle.db, dbKind: handle.kind, config });
  const ctx: AppContext = server.ctx;

  const seats = await seedChairs(handle.db, nurse, chairs);
  const { secret } = await createApiKey(ctx, admin, "Benchmark gateway");

  server.httpServer.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const physician = demoAccounts.find((a) => a.role === "physician")!;
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: physician.username, password: physician.password }),
  });
  if (login.status !== 200) throw new Error(`physician login failed: ${login.status}`);
  const physicianCookie = login.headers.get("set-cookie")!.split(";")[0]!;

  serveParent(
    { type: "ready", url, apiKey: secret, physicianCookie, seats, setupMs: performance.now() - started },
    async () => {
      await server.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await handle.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  );
} catch (error) {
  failSetup(error);
}
