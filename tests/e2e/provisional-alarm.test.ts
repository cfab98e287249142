import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";
import { openLoggedIn } from "./e2e-actions.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: inject("clientDir") });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe("provisional alarms at the central station", () => {
  it("an alarm from a reading that was not saved stays, worded as such, until a physician dismisses it", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    const id = await startSession(nurse, { chair: "7" });
    const physician = await openLoggedIn(browser, contexts, {
      baseUrl: server.url,
      username: "physician",
      password: "physician-demo",
    });
    await physician.getByText("Chair 7").first().waitFor();

    // An in-range reading first: the node now holds the session's engine and can judge the next one on arrival.
    const first = await nurse.post(`/api/sessions/${id}/vitals`, {
      id: crypto.randomUUID(),
      observedAt: new Date().toISOString(),
      sbp: 124,
      dbp: 78,
    });
    expect(first.status).toBe(201);
    // SBP 214 dated an hour ahead: the alarm is raised on arrival, then the reading is refused (400).
    const refused = await nurse.post(`/api/sessions/${id}/vitals`, {
      id: crypto.randomUUID(),
      observedAt: new Date(Date.now() + 3_600_000).toISOString(),
      sbp: 214,
      dbp: 96,
    });
    expect(refused.status).toBe(400);

    const unsaved = physician.getByText(
      "Alarm from a reading that was not saved — check the patient in chair 7.",
    );
    await unsaved.first().waitFor();
    expect(await physician.getByText("not saved — check patient").count()).toBeGreaterThan(0);
    expect(await checkA11y(physician, "station with an unconfirmed alarm")).toEqual([]);

    await physician
      .getByRole("button", { name: /Dismiss .* alarm from chair 7/ })
      .first()
      .click();
    await expect.poll(() => unsaved.count(), { timeout: 20_000 }).toBe(0);
    expect(await physician.getByText("not saved — check patient").count()).toBe(0);
  });
});
