/**
 * Regenerates the README's screenshot: builds the client, starts Vigil on an in-memory database with
 * the demo clinic, and photographs the session page of the chair with an alert as the physician sees it.
 * Usage: npm run screenshot
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "vite";
import { createVigilServer } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { seedDemoClinic } from "../../server/demo/clinic.ts";
import { launchBrowser } from "./browser.ts";

const shots = path.resolve("tests/e2e/screenshots");
const clientDir = path.resolve("tests/.tmp/screenshot-client");

await build({
  configFile: path.resolve("vite.config.ts"),
  logLevel: "warn",
  build: { outDir: clientDir, emptyOutDir: true },
});
const database = await openDatabase({});
await migrateToLatest(database.db);
const server = createVigilServer({
  db: database.db,
  dbKind: database.kind,
  config: { ...loadConfig({}), demo: true, clientDir },
  // No alert timers while the history is written on a shifted clock.
  timerIntervalMs: 3_600_000,
});
await seedDemoClinic(server.ctx);
await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(`${url}/login`);
  await page.getByLabel("Username").fill("physician");
  await page.getByLabel("Password", { exact: true }).fill("physician-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  const tile = page.getByRole("article", { name: /^Chair 2:/ });
  await tile.waitFor();
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, "station.png") });
  await tile.getByRole("link").first().click();
  await page.getByRole("list", { name: "Alerts" }).waitFor();
  await page.locator(".recharts-line").first().waitFor();
  await page.screenshot({ path: path.join(shots, "session-page.png") });
  console.log(`wrote ${path.relative(process.cwd(), shots)}/station.png and session-page.png`);
} finally {
  await browser.close();
  await server.close();
  await database.close();
}
