import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { checkA11y } from "./browser.ts";

/** What the e2e tests do again and again in the browser: open a logged-in page, log a set of vitals. */

export interface VitalsEntry {
  sbp: number;
  dbp: number;
  hr: number;
  spo2: number;
  rr: number;
}

/**
 * A new browser context logged in through the real login form. The context is added to `contexts` so
 * the test's afterAll closes it; `checkLoginA11y` runs axe on the login page first.
 */
export async function openLoggedIn(
  browser: Browser,
  contexts: BrowserContext[],
  options: { baseUrl: string; username: string; password: string; checkLoginA11y?: boolean },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  // An upper bound for each wait, generous for a loaded CI machine; never a sleep.
  page.setDefaultTimeout(20_000);
  await page.goto(`${options.baseUrl}/login`);
  if (options.checkLoginA11y) expect(await checkA11y(page, "login")).toEqual([]);
  await page.getByLabel("Username").fill(options.username);
  await page.getByLabel("Password", { exact: true }).fill(options.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: /log out/i }).waitFor();
  return page;
}

/** Fills the nurse's vitals form and submits it. */
export async function recordVitals(page: Page, v: VitalsEntry): Promise<void> {
  await page.getByLabel("Systolic BP").fill(String(v.sbp));
  await page.getByLabel("Diastolic BP").fill(String(v.dbp));
  await page.getByLabel("Heart rate").fill(String(v.hr));
  await page.getByLabel("SpO2").fill(String(v.spo2));
  await page.getByLabel("Respiratory rate").fill(String(v.rr));
  await page.getByRole("button", { name: "Record vitals" }).click();
}

/** The physician signs the discharge with the password as electronic signature. */
export async function signDischarge(physician: Page, password: string): Promise<void> {
  await physician.getByRole("checkbox", { name: "I confirm the meaning of this signature" }).check();
  await physician.getByLabel("Password (signature)").fill(password);
  await physician.getByRole("button", { name: "Sign discharge" }).click();
}

/** Waits until every page shows the record as read-only (after the discharge is signed). */
export async function waitForReadOnly(...pages: Page[]): Promise<void> {
  for (const page of pages)
    await page
      .getByText(/read-only/)
      .first()
      .waitFor();
}
