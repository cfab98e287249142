import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";
import { openLoggedIn, recordVitals, signDischarge, waitForReadOnly } from "./e2e-actions.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ clientDir: inject("clientDir") });
  browser = await launchBrowser();
  const nurse = apiClient(server.url, await server.login("nurse"));
  const patient = await nurse.post("/api/patients", {
    mrn: "E2E-0001",
    fullName: "Dana Whitfield",
    dateOfBirth: "1975-03-14",
    weightKg: 80,
  });
  expect(patient.status).toBe(201);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

function loggedIn(username: string, password: string): Promise<Page> {
  return openLoggedIn(browser, contexts, { baseUrl: server.url, username, password, checkLoginA11y: true });
}

describe("a session from the nurse's chair to the physician's signature", () => {
  it("raises, acknowledges and locks, live across two browsers", async () => {
    const nurse = await loggedIn("nurse", "nurse-demo");

    // The nurse opens the patient and starts the session.
    await nurse.getByRole("link", { name: "Patients" }).click();
    await nurse.getByLabel("Search patients").fill("Whitfield");
    await nurse.getByRole("link", { name: /Dana Whitfield/ }).click();
    expect(await checkA11y(nurse, "patient")).toEqual([]);
    await nurse.getByLabel("Chair").fill("7");
    await nurse.getByRole("button", { name: "Start session" }).click();
    await nurse.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionUrl = nurse.url();

    // Baseline, then the infusion starts.
    await recordVitals(nurse, { sbp: 128, dbp: 82, hr: 74, spo2: 98, rr: 14 });
    await expect.poll(() => nurse.getByRole("cell", { name: "128/82" }).count()).toBeGreaterThan(0);
    await nurse.getByRole("button", { name: "Start infusion" }).click();
    await nurse.getByRole("dialog").getByRole("button", { name: "Confirm start infusion" }).click();
    await nurse.getByRole("button", { name: "Stop infusion" }).waitFor();
    expect(await checkA11y(nurse, "session (nurse)")).toEqual([]);

    // The physician watches from the central station.
    const physician = await loggedIn("physician", "physician-demo");
    const tile = physician.getByRole("article", { name: "Chair 7: Dana Whitfield" });
    await tile.waitFor();
    expect(await checkA11y(physician, "station")).toEqual([]);
    await tile.getByRole("link").first().click();
    await physician.waitForURL(sessionUrl);

    // A reading over the limit reaches the physician without a reload.
    await recordVitals(nurse, { sbp: 205, dbp: 104, hr: 96, spo2: 97, rr: 16 });
    // The nurse's own table first: a failure below is then the physician's screen, not the entry.
    await expect.poll(() => nurse.getByRole("cell", { name: "205/104" }).count()).toBeGreaterThan(0);
    const alerts = physician.getByRole("list", { name: "Alerts" });
    await alerts.getByText(/Systolic BP 205/).waitFor();
    expect(await checkA11y(physician, "session (physician, alert)")).toEqual([]);

    // The physician acknowledges; the nurse sees who and when.
    await alerts.getByRole("button", { name: "Acknowledge Systolic BP alert" }).first().click();
    await nurse
      .getByText(/Acknowledged by Dr\. Sam Rivera/)
      .first()
      .waitFor();

    // Infusion stops; the physician signs the discharge; both see a read-only record.
    await nurse.getByRole("button", { name: "Stop infusion" }).click();
    await nurse.getByRole("dialog").getByRole("button", { name: "Confirm stop infusion" }).click();
    // Right after the stop the discharge criteria are unmet: the physician signs over each with a reason.
    await physician
      .getByText(/min since the infusion stopped; 30 required/)
      .first()
      .waitFor();
    for (const reason of await physician.getByLabel(/^Override reason:/).all()) {
      await reason.fill("Assessed at the chair; acceptable for this discharge");
    }
    await signDischarge(physician, "physician-demo");
    await waitForReadOnly(physician, nurse);
    expect(await nurse.getByRole("button", { name: "Record vitals" }).count()).toBe(0);
    expect(await checkA11y(physician, "session (discharged)")).toEqual([]);
  });
});
