import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;
let api: ReturnType<typeof apiClient>;
let sessionId: string;

// An upper bound for each wait, generous for a loaded CI machine; never a sleep.
const wait = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  server = await startTestServer({ clientDir: inject("clientDir") });
  browser = await launchBrowser();
  api = apiClient(server.url, await server.login("nurse"));
  const patient = await api.post("/api/patients", {
    mrn: "E2E-OFF-1",
    fullName: "Robin Okafor",
    dateOfBirth: "1982-07-02",
    weightKg: 72,
  });
  expect(patient.status).toBe(201);
  const session = await api.post("/api/sessions", {
    patientId: patient.body.id,
    chair: "4",
    weightKg: 72,
    doseMgPerKg: 0.5,
    plannedDurationMin: 40,
  });
  expect(session.status).toBe(201);
  sessionId = session.body.id;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function openSession(page: Page) {
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/sessions/${sessionId}`);
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

const unsynced = (page: Page) => page.getByRole("status", { name: "Unsynced entries" });

async function storedReadings() {
  const detail = await api.get(`/api/sessions/${sessionId}`);
  expect(detail.status).toBe(200);
  return detail.body.vitals as { id: string; hr: number | null }[];
}

describe("offline entry at the chair", () => {
  it("keeps readings entered offline across a closed page and stores each exactly once", async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await context.newPage();
    login.setDefaultTimeout(20_000);
    await login.goto(`${server.url}/login`);
    await login.getByLabel("Username").fill("nurse");
    await login.getByLabel("Password", { exact: true }).fill("nurse-demo");
    await login.getByRole("button", { name: "Log in" }).click();
    await login.getByRole("button", { name: /log out/i }).waitFor();
    await openSession(login);
    const page = login;

    await context.setOffline(true);
    await page.getByText(/^Offline: this device has no network/).waitFor();
    for (const hr of [71, 72, 73]) await enterReading(page, hr);
    await expect.poll(() => unsynced(page).textContent(), wait).toContain("3 entries waiting to sync");
    await page.getByText(/^⟳ 3 entries waiting to sync\. They are saved on this device/).waitFor();
    expect(await checkA11y(page, "session (offline, 3 waiting)")).toEqual([]);
    expect(await storedReadings()).toEqual([]);

    // the nurse closes the tab; the connection comes back; she opens the session again
    await page.close();
    await context.setOffline(false);
    const reopened = await context.newPage();
    const reopenedAt = performance.now();
    await openSession(reopened);

    await expect.poll(async () => (await storedReadings()).length, wait).toBe(3);
    console.info(
      `outbox: 3 readings on the server ${Math.round(performance.now() - reopenedAt)} ms after reopening`,
    );
    await expect.poll(() => unsynced(reopened).textContent(), wait).toBe("");
    const readings = await storedReadings();
    expect(readings.map((r) => r.hr).sort()).toEqual([71, 72, 73]);
    expect(new Set(readings.map((r) => r.id)).size).toBe(3);
    // the page shows them from the cache updates, without a reload
    await expect.poll(() => reopened.getByRole("cell", { name: "124/78" }).count(), wait).toBe(3);
    expect(await reopened.getByText(/waiting to sync/).count()).toBe(0);
  });
});
