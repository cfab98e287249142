import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";
import { openLoggedIn, signDischarge, waitForReadOnly } from "./e2e-actions.ts";

// The server runs ahead of the wall clock by `offsetMs`, so recovery time passes at once.
let offsetMs = 0;
const serverNow = () => new Date(Date.now() + offsetMs).toISOString();
const advanceMin = (minutes: number) => {
  offsetMs += minutes * 60_000;
};

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({
    clientDir: inject("clientDir"),
    now: () => new Date(Date.now() + offsetMs),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function loggedIn(username: string, password: string, url: string): Promise<Page> {
  const page = await openLoggedIn(browser, contexts, { baseUrl: server.url, username, password });
  await page.goto(url);
  return page;
}

describe("discharge from recovery to a signed, locked record", () => {
  it("checklist by the nurse, criteria met after 30 min, signature, lock, addendum", async () => {
    const api = apiClient(server.url, await server.login("nurse"));
    const id = await startSession(api, { chair: "9" });
    const vitalSet = () => ({
      id: crypto.randomUUID(),
      observedAt: serverNow(),
      sbp: 126,
      dbp: 82,
      hr: 72,
      spo2: 98,
      rr: 14,
    });
    await api.post(`/api/sessions/${id}/vitals`, vitalSet());
    await api.post(`/api/sessions/${id}/phase`, { to: "infusing" });
    advanceMin(40);
    await api.post(`/api/sessions/${id}/phase`, { to: "recovery" });
    advanceMin(10);
    await api.post(`/api/sessions/${id}/vitals`, vitalSet());
    advanceMin(10);
    await api.post(`/api/sessions/${id}/vitals`, vitalSet());
    await api.post(`/api/sessions/${id}/observations`, {
      id: crypto.randomUUID(),
      observedAt: serverNow(),
      type: "sedation",
      moaas: 5,
    });

    // 20 min after the stop, the nurse works through the checklist.
    const sessionUrl = `${server.url}/sessions/${id}`;
    const nurse = await loggedIn("nurse", "nurse-demo", sessionUrl);
    const criteria = nurse.getByRole("list", { name: "Discharge criteria" });
    await criteria.getByText(/20 min since the infusion stopped; 30 required/).waitFor();
    for (const item of [
      "Oriented to person, place and time",
      "Steady gait",
      "Nausea controlled",
      "Pain controlled",
      "Responsible adult escort present",
      "Told not to drive until the next day after sleep",
    ]) {
      await nurse.getByRole("checkbox", { name: item }).check();
    }
    await nurse.getByRole("button", { name: "Save checklist" }).click();
    await nurse.getByText(/Last updated by .* at/).waitFor();
    expect(await nurse.getByRole("button", { name: "Sign discharge" }).count()).toBe(0);
    expect(await checkA11y(nurse, "discharge panel (nurse)")).toEqual([]);

    // 31 min after the stop, the physician finds every criterion met.
    advanceMin(11);
    const physician = await loggedIn("physician", "physician-demo", sessionUrl);
    await physician.getByText("Ready for discharge: every criterion is met.").waitFor();
    const list = physician.getByRole("list", { name: "Discharge criteria" });
    expect(await list.getByText("Not met").count()).toBe(0);
    expect(await list.getByRole("listitem").count()).toBe(6);
    await physician.getByRole("heading", { name: /Modified PADSS: 10 of 10/ }).waitFor();
    expect(await physician.getByLabel(/^Override reason:/).count()).toBe(0);
    expect(await checkA11y(physician, "discharge panel (physician)")).toEqual([]);

    await signDischarge(physician, "physician-demo");
    await waitForReadOnly(physician, nurse);
    expect(await nurse.getByRole("button", { name: "Record vitals" }).count()).toBe(0);
    expect(await nurse.getByRole("button", { name: /Entered in error/ }).count()).toBe(0);

    // Only addenda can be added to the locked record; every viewer sees them.
    await physician.getByLabel("Addendum").fill("Patient phoned at 18:00: home safely, no after-effects.");
    await physician.getByRole("button", { name: "Add addendum" }).click();
    const addenda = physician.getByRole("list", { name: "Addenda" });
    await addenda.getByText(/home safely/).waitFor();
    expect(await addenda.textContent()).toMatch(/Dr\. Sam Rivera/);
    await nurse
      .getByRole("list", { name: "Addenda" })
      .getByText(/home safely/)
      .waitFor();
    expect(await checkA11y(physician, "locked record with addendum")).toEqual([]);

    const detail = await api.get(`/api/sessions/${id}`);
    expect(detail.body.discharge).toMatchObject({ overrides: [], readiness: { ready: true } });
  });
});
