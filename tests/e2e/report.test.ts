import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ clientDir: inject("clientDir") });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the printable session report", () => {
  it("holds the whole record and prints to PDF without the app's chrome", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    const physician = apiClient(server.url, await server.login("physician"));
    const id = await startSession(nurse, { chair: "9" });
    await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 131, dbp: 84 }));
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 204, dbp: 98 }));
    await physician.post(`/api/alerts/${raised.body.alerts[0].id}/acknowledge`, { note: "Repeat in 5 min" });
    await nurse.post(`/api/sessions/${id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      type: "dissociation",
      severity: "moderate",
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: "vigil_session", value: (await server.login("physician")).split("=")[1]!, url: server.url },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/sessions/${id}`);
    await page.getByRole("link", { name: "Printable report" }).click();
    await page.getByRole("heading", { level: 1, name: /Session report/ }).waitFor();
    await page.locator(".recharts-surface").first().waitFor();

    const text = await page.locator("main").innerText();
    expect(text).toMatch(/0\.5 mg\/kg/);
    expect(text).toMatch(/131\/84/);
    expect(text).toMatch(/204\/98/);
    expect(text).toMatch(/Repeat in 5 min/);
    expect(text).toMatch(/Dissociation/);
    expect(await checkA11y(page, "report")).toEqual([]);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.topbar").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print / Save as PDF" }).isVisible()).toBe(false);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(255, 255, 255)");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    await context.close();
  });
});
