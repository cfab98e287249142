import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkA11y } from "./browser.ts";
import { openLoggedIn } from "./e2e-actions.ts";
import { offlineSession, storedReadings, unsynced, wait } from "./offline-session.ts";

const offline = offlineSession(
  { mrn: "E2E-OFF-START-1", fullName: "Sam Adeyemi", dateOfBirth: "1979-03-14", weightKg: 80 },
  "5",
);

/** The page is controlled by the app's service worker (installed, precached, activated, claimed). */
async function controlledByWorker(page: Page): Promise<string | null> {
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}

/** How many session copies this device keeps for offline use. */
function snapshotCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("vigil-session-snapshots");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("snapshots")) return resolve(0);
          const count = db.transaction("snapshots").objectStore("snapshots").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

describe("the app opened with no network", () => {
  it("serves the service worker at the site root, re-checked on every visit", async () => {
    const res = await fetch(`${offline.server.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await res.text()).toContain("/index.html");
  });

  it("reloads offline into the session page, takes a reading and sends it once when back online", async () => {
    const page = await openLoggedIn(offline.browser, offline.contexts, {
      baseUrl: offline.server.url,
      username: "nurse",
      password: "nurse-demo",
    });
    const context = page.context();
    await page.goto(`${offline.server.url}/sessions/${offline.sessionId}`);
    await page.getByRole("button", { name: "Record vitals" }).waitFor();
    await expect.poll(() => controlledByWorker(page), wait).toBe(`${offline.server.url}/sw.js`);
    await expect.poll(() => snapshotCount(page), wait).toBe(1);

    await context.setOffline(true);
    const reloadedAt = performance.now();
    await page.reload();
    await page.getByRole("button", { name: "Record vitals" }).waitFor();
    console.info(
      `offline start: session page usable ${Math.round(performance.now() - reloadedAt)} ms after reload`,
    );
    await page.getByText(/^Offline: this device has no network/).waitFor();
    await page
      .getByRole("region", { name: "Offline copy" })
      .getByText(/^Showing data from \d\d:\d\d/)
      .waitFor();
    await page.getByRole("heading", { name: /Sam Adeyemi/ }).waitFor();
    await page.getByRole("button", { name: /log out/i }).waitFor();
    // clinical data is never answered from a cache: the API stays unreachable offline
    expect(
      await page.evaluate(() =>
        fetch("/api/auth/me").then(
          (r) => r.status,
          () => "failed",
        ),
      ),
    ).toBe("failed");

    await page.getByLabel("Systolic BP").fill("118");
    await page.getByLabel("Diastolic BP").fill("76");
    await page.getByLabel("Heart rate").fill("66");
    await page.getByRole("button", { name: "Record vitals" }).click();
    await expect.poll(() => page.getByLabel("Heart rate").inputValue(), wait).toBe("");
    await expect.poll(() => unsynced(page).textContent(), wait).toContain("1 entry waiting to sync");
    expect(await checkA11y(page, "session (opened offline, 1 waiting)")).toEqual([]);
    expect(await storedReadings(offline)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await storedReadings(offline)).length, wait).toBe(1);
    await expect.poll(() => unsynced(page).textContent(), wait).toBe("");
    // refetched from the server once reachable: the offline-copy note goes
    await expect.poll(() => page.getByRole("region", { name: "Offline copy" }).count(), wait).toBe(0);
    await expect.poll(() => page.getByRole("cell", { name: "118/76" }).count(), wait).toBe(1);
    const readings = await storedReadings(offline);
    expect(readings.map((r) => r.hr)).toEqual([66]);
  });
});
