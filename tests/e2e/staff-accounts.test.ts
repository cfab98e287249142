import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

describe("staff accounts", () => {
  it("an admin creates a nurse in the browser, and the nurse logs in from another browser", async () => {
    const admin = await openLoggedIn(browser, contexts, {
      baseUrl: server.url,
      username: "admin",
      password: "admin-demo",
    });
    await admin.getByRole("link", { name: "Staff accounts" }).click();
    await admin.getByRole("heading", { name: "New staff account" }).waitFor();

    // A password the policy refuses is shown next to its field; nothing is created.
    await admin.getByLabel("Username").fill("nurse-riley");
    await admin.getByLabel("Display name").fill("Nurse Riley Chen");
    await admin.getByLabel("Role").selectOption("nurse");
    await admin.getByLabel("Initial password").fill("short");
    await admin.getByRole("button", { name: "Create account" }).click();
    await admin.getByText(/must be at least 12 characters/).waitFor();
    expect(await checkA11y(admin, "staff accounts with a field error")).toEqual([]);

    await admin.getByLabel("Initial password").fill("riley starts on monday");
    await admin.getByRole("button", { name: "Create account" }).click();
    await admin.getByRole("status").getByText("Account nurse-riley (Nurse) created.").waitFor();
    await admin.getByRole("row", { name: /Nurse Riley Chen/ }).waitFor();
    expect(await checkA11y(admin, "staff accounts")).toEqual([]);

    const nurse = await openLoggedIn(browser, contexts, {
      baseUrl: server.url,
      username: "nurse-riley",
      password: "riley starts on monday",
    });
    await nurse.getByText("Nurse Riley Chen").waitFor();
    // Not an admin: no link to the staff page.
    expect(await nurse.getByRole("link", { name: "Staff accounts" }).count()).toBe(0);
  });
});
