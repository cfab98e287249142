import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureUser } from "../../server/demo/accounts.ts";
import { apiClient } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";

// The server runs ahead of the wall clock by `offsetMs`, so the test can let a minute pass at once.
let offsetMs = 0;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({
    clientDir: inject("clientDir"),
    now: () => new Date(Date.now() + offsetMs),
  });
  await ensureUser(server.server.ctx.db, {
    username: "oncall",
    password: "oncall-physician",
    displayName: "Dr. Lee Oncall",
    role: "physician",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("escalation", () => {
  it("reaches a second physician on another page, and leaves once acknowledged", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    const physician = apiClient(server.url, await server.login("physician"));
    const id = await startSession(nurse, { chair: "5" });
    await nurse.post(`/api/sessions/${id}/phase`, { to: "infusing" });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Username").fill("oncall");
    await page.getByLabel("Password", { exact: true }).fill("oncall-physician");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("link", { name: "Patients" }).click();
    await page.getByRole("heading", { name: "Patients", level: 1 }).waitFor();

    const raised = await nurse.post(`/api/sessions/${id}/vitals`, {
      id: crypto.randomUUID(),
      observedAt: new Date(Date.now() + offsetMs).toISOString(),
      sbp: 212,
      dbp: 96,
    });
    const alertId = raised.body.alerts.find((a: { parameter: string }) => a.parameter === "sbp").id;

    offsetMs += 61_000;
    expect(await server.server.timers.runDue()).toBeGreaterThan(0);
    const banner = page.getByRole("alert").filter({ hasText: /ESCALATED/ });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Chair 5/);
    expect(await checkA11y(page, "patients with escalation banner")).toEqual([]);

    await physician.post(`/api/alerts/${alertId}/acknowledge`, { note: "Seen, repeating BP" });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
  });
});
