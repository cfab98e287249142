import type { AddressInfo } from "node:net";
import { createApiKey } from "../../../server/api-keys/service.ts";
import { createVigilServer } from "../../../server/app.ts";
import type { AppContext } from "../../../server/app-context.ts";
import { loadConfig } from "../../../server/config.ts";
import { openDatabase } from "../../../server/db/database.ts";
import { migrateToLatest } from "../../../server/db/migrate.ts";
import { demoAccounts, ensureDemoAccounts } from "../../../server/demo/accounts.ts";
import { seedChairs } from "./seed-chairs.ts";
import { failSetup, serveParent } from "./server-protocol.ts";

/**
 * Child process: the real Vigil server on a fresh database (in-memory PGlite, or PostgreSQL when
 * DATABASE_URL is set) with BENCH_CHAIRS pre-infusion sessions, one per chair, and one ingest API key.
 */
const chairs = Number(process.env.BENCH_CHAIRS ?? 100);

import { monitorEventLoopDelay } from "node:perf_hooks";
const eld = monitorEventLoopDelay({ resolution: 1 }); eld.enable();
setInterval(() => { console.error(`ELD p50 ${(eld.percentile(50)/1e6).toFixed(2)} p99 ${(eld.percentile(99)/1e6).toFixed(2)} p99.9 ${(eld.percentile(99.9)/1e6).toFixed(2)} max ${(eld.max/1e6).toFixed(2)}`); eld.reset(); }, 10000).unref();
import { createHook } from "node:async_hooks";
import { PerformanceObserver } from "node:perf_hooks";
const types = new Map<number, string>(); const starts: number[] = []; const longs = new Map<string, number[]>();
createHook({
  init(id, type) { types.set(id, type); },
  before(id) { starts.push(performance.now()); (globalThis as any).__cur = id; },
  after(id) { const t0 = starts.pop(); if (t0 === undefined || starts.length > 0) return; const d = performance.now() - t0; if (d > 1) { const k = types.get(id) ?? "?"; (longs.get(k) ?? longs.set(k, []).get(k)!).push(d); } },
  destroy(id) { types.delete(id); },
}).enable();
import { Session } from "node:inspector/promises";
import fs from "node:fs";
if (process.env.XHEAP) { const hs = new Session(); hs.connect();
  setTimeout(async () => { await hs.post("HeapProfiler.enable"); await hs.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true } as any);
    setTimeout(async () => { const { profile } = await hs.post("HeapProfiler.stopSampling"); fs.writeFileSync(process.env.XHEAP!, JSON.stringify(profile)); console.error("HEAP written"); }, 10000); }, 9000); }
const gcs: number[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); }).observe({ entryTypes: ["gc"] });
setInterval(() => { const out = [...longs].map(([k, v]) => `${k}: n=${v.length} max=${Math.max(...v).toFixed(1)} >2ms=${v.filter((x) => x > 2).length}`).join("; "); console.error(`LONG ${out} | GC n=${gcs.length} >1ms=${gcs.filter((x) => x > 1).length} max=${Math.max(0, ...gcs).toFixed(1)}`); longs.clear(); gcs.length = 0; }, 10000).unref();
try {
  const started = performance.now();
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined });
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
    },
  );
} catch (error) {
  failSetup(error);
}
