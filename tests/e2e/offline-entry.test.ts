import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkA11y } from "./browser.ts";
import { openLoggedIn } from "./e2e-actions.ts";
import { offlineSession, storedReadings, unsynced, wait } from "./offline-session.ts";

const offline = offlineSession(
  { mrn: "E2E-OFF-1", fullName: "Robin Okafor", dateOfBirth: "1982-07-02", weightKg: 72 },
  "4",
);

async function openSession(page: Page) {
  page.setDefaultTimeout(20_000);
  await page.goto(`${offline.server.url}/sessions/${offline.sessionId}`);
  await page.getByRole("button", { name: "Record vitals" }).waitFor();
}

async function enterReading(page: Page, hr: number) {
  await page.getByLabel("Systolic BP").fill("124");
  await page.getByLabel("Diastolic BP").fill("78");
  await page.getByLabel("Heart rate").fill(String(hr));
  await page.getByRole("button", { name: "Record vitals" }).click();
  // the form clears as soon as the reading is safely in the device's outbox
  await expect.poll(() => page.getByLabel("Heart rate").inputValue(), wait).toBe("");
}

describe("offline entry at the chair", () => {
  it("keeps readings entered offline across a closed page and stores each exactly once", async () => {
    const login = await openLoggedIn(offline.browser, offline.contexts, {
      baseUrl: offline.server.url,
      username: "nurse",
      password: "nurse-demo",
    });
    const context = login.context();
    await openSession(login);
    const page = login;

    await context.setOffline(true);
    await page.getByText(/^Offline: this device has no network/).waitFor();
    for (const hr of [71, 72, 73]) await enterReading(page, hr);
    await expect.poll(() => unsynced(page).textContent(), wait).toContain("3 entries waiting to sync");
    await page.getByText(/^⟳ 3 entries waiting to sync\. They are saved on this device/).waitFor();
    expect(await checkA11y(page, "session (offline, 3 waiting)")).toEqual([]);
    expect(await storedReadings(offline)).toEqual([]);

    // the nurse closes the tab; the connection comes back; she opens the session again
    await page.close();
    await context.setOffline(false);
    const reopened = await context.newPage();
    const reopenedAt = performance.now();
    await openSession(reopened);

    await expect.poll(async () => (await storedReadings(offline)).length, wait).toBe(3);
    console.info(
      `outbox: 3 readings on the server ${Math.round(performance.now() - reopenedAt)} ms after reopening`,
    );
    await expect.poll(() => unsynced(reopened).textContent(), wait).toBe("");
    const readings = await storedReadings(offline);
    expect(readings.map((r) => r.hr).sort()).toEqual([71, 72, 73]);
    expect(new Set(readings.map((r) => r.id)).size).toBe(3);
    // the page shows them from the cache updates, without a reload
    await expect.poll(() => reopened.getByRole("cell", { name: "124/78" }).count(), wait).toBe(3);
    expect(await reopened.getByText(/waiting to sync/).count()).toBe(0);
  });
});
