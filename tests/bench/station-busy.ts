import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { createVigilServer } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { ensureDemoAccounts } from "../../server/demo/accounts.ts";
import { apiClient } from "../support/api.ts";
import { loginAsDemo } from "../support/demo-login.ts";
import { startSession } from "../support/fixtures.ts";
import { type Bench, type BenchSection, round } from "./bench-result.ts";
import { launchBenchBrowser, mainThreadCpu } from "./browser-support.ts";

/**
 * The central station in Chromium with 24 live tiles: a real Vigil server (in-memory PGlite) serving a
 * fresh client build, 24 active sessions, a physician on the station page, and 1 Hz monitor readings for
 * every chair through HTTP ingest with an API key. Main-thread busy share = main-thread CPU (thread clock)
 * over wall time, for the page idle, the page streaming, and a plain DOM page updating 24 numbers at 1 Hz.
 */
const chairs = 24;
const windowMs = 20_000;
const busyTarget = 0.15;

async function buildClient(): Promise<string> {
  const outDir = path.resolve("tests/.tmp/bench-client");
  await build({
    configFile: path.resolve("vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

async function startServer(clientDir: string) {
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  await ensureDemoAccounts(handle.db);
  const server = createVigilServer({
    db: handle.db,
    dbKind: handle.kind,
    config: { ...loadConfig({}), demo: false, clientDir, logLevel: "warn" },
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const login = (role: "nurse" | "physician" | "admin") => loginAsDemo(url, role);
  return {
    url,
    login,
    close: async () => {
      await server.close();
      await handle.close();
    },
  };
}

/** Busy share of the page's main thread over `ms` of wall time. */
async function busyShare(cpuNow: () => Promise<number>, ms: number): Promise<number> {
  const cpuStart = await cpuNow();
  const wallStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ((await cpuNow()) - cpuStart) / (performance.now() - wallStart);
}

/** Streams one monitor reading per chair per second until stopped; counts refused posts. */
function streamReadings(url: string, secret: string) {
  let sent = 0;
  let refused = 0;
  let tick = 0;
  const post = async (chair: number) => {
    const res = await fetch(`${url}/api/ingest/chairs/${chair}/vitals`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        observedAt: new Date().toISOString(),
        source: "monitor",
        hr: 70 + ((tick + chair) % 9),
        spo2: 97 + ((tick + chair) % 3),
        ...(tick % 60 === 0 ? { sbp: 120 + (chair % 10), dbp: 78 } : {}),
      }),
    });
    await res.arrayBuffer();
    if (res.status === 201) sent++;
    else refused++;
  };
  const timer = setInterval(() => {
    tick++;
    for (let c = 1; c <= chairs; c++) void post(c);
  }, 1000);
  return {
    stop: () => clearInterval(timer),
    counts: () => ({ sent, refused }),
  };
}

async function plainDomBaseline(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  await page.setContent(
    `<main id="m"></main><script>
      const m = document.getElementById("m");
      const cells = Array.from({ length: ${chairs} }, (_, i) => {
        const d = document.createElement("div");
        d.textContent = "Chair " + (i + 1) + ": 72";
        m.append(d);
        return d;
      });
      let t = 0;
      setInterval(() => { t++; cells.forEach((c, i) => { c.textContent = "Chair " + (i + 1) + ": " + (70 + ((t + i) % 9)); }); }, 1000);
    </script>`,
  );
  const share = await busyShare(await mainThreadCpu(page), windowMs);
  await page.close();
  return share;
}

async function openStation(browser: Browser, url: string, cookie: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForFunction((n) => document.querySelectorAll("article.tile").length === n, chairs);
  return page;
}

async function run(): Promise<BenchSection> {
  const clientDir = await buildClient();
  const server = await startServer(clientDir);
  const browser = await launchBenchBrowser();
  try {
    const nurse = apiClient(server.url, await server.login("nurse"));
    for (let c = 1; c <= chairs; c++) await startSession(nurse, { chair: String(c) });
    const admin = apiClient(server.url, await server.login("admin"));
    const key = await admin.post("/api/admin/api-keys", { label: "Bench gateway" });
    if (key.status !== 201) throw new Error(`api key: ${JSON.stringify(key.body)}`);

    const plain = await plainDomBaseline(browser);
    const page = await openStation(browser, server.url, await server.login("physician"));
    const cpuNow = await mainThreadCpu(page);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // settle after first load
    const idle = await busyShare(cpuNow, windowMs);
    const stream = streamReadings(server.url, key.body.secret);
    // The first readings reach the page: tiles show a heart rate.
    await page.waitForFunction(() => document.body.textContent?.includes("bpm") ?? false);
    const live = await busyShare(cpuNow, windowMs);
    stream.stop();
    const { sent, refused } = stream.counts();
    const tiles = await page.locator("article.tile").count();
    return {
      name: "station",
      results: {
        chairs,
        windowSeconds: windowMs / 1000,
        readingsSent: sent,
        readingsRefused: refused,
        tilesShown: tiles,
        busyShare: { streaming: round(live, 3), idle: round(idle, 3), plainDom24Numbers: round(plain, 3) },
        ratio: { streamingVsPlainDom: round(live / plain, 1) },
      },
      targets: [
        {
          goal: `main-thread busy share < ${busyTarget * 100} % with ${chairs} live tiles at 1 Hz`,
          measured: `${round(live * 100, 1)} % (idle ${round(idle * 100, 1)} %, plain DOM ${round(plain * 100, 1)} %)`,
          met: live < busyTarget && refused === 0,
        },
      ],
      notes: [
        "Busy share = Δ main-thread task time on the thread clock (CDP Performance.getMetrics TaskDuration, timeDomain threadTicks) / Δ wall time.",
        "Server, ingest client and Chromium share the same machine.",
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const bench: Bench = { name: "station", run };
export default bench;
