import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionsFor } from "../../shared/clinical/screening/checklist.ts";
import { defaultScreeningProfile } from "../../shared/clinical/screening/profile.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { checkA11y, launchBrowser } from "./browser.ts";
import { openLoggedIn, recordVitals, signDischarge, waitForReadOnly } from "./e2e-actions.ts";

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

function loggedIn(username: string, password: string): Promise<Page> {
  return openLoggedIn(browser, contexts, { baseUrl: server.url, username, password });
}

async function changePhase(page: Page, label: "Start infusion" | "Stop infusion") {
  await page.getByRole("button", { name: label }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: `Confirm ${label.toLowerCase()}` })
    .click();
}

describe("a patient's first day", () => {
  it("registers, screens, is held by the baseline gate, cleared by the physician, infused and charted", async () => {
    const nurse = await loggedIn("nurse", "nurse-demo");

    // Register the patient.
    await nurse.getByRole("link", { name: "Patients" }).click();
    await nurse.getByRole("button", { name: "Register a new patient" }).click();
    await nurse.getByLabel("Full name").fill("Rosa Delgado");
    await nurse.getByLabel("MRN").fill("E2E-FIRST-01");
    await nurse.getByLabel("Date of birth").fill("1979-08-23");
    await nurse.getByLabel("Weight (kg)").fill("66");
    await nurse.getByLabel("Allergies").fill("Penicillin");
    expect(await checkA11y(nurse, "register patient")).toEqual([]);
    await nurse.getByRole("button", { name: "Register patient", exact: true }).click();
    await nurse.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    const patientUrl = nurse.url();
    await nurse.getByRole("heading", { name: "Rosa Delgado" }).waitFor();
    await nurse.getByText("This session will be infusion 1 of 6").waitFor();

    // Start the session: the first infusion of a new induction course.
    await nurse.getByLabel("Chair").fill("9");
    await nurse.getByRole("button", { name: "Start session" }).click();
    await nurse.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const sessionUrl = nurse.url();
    await nurse.getByText("infusion 1 of 6").first().waitFor();

    // The first-infusion screening, nothing blocking.
    for (const q of questionsFor(defaultScreeningProfile, "initial")) {
      const safe = q.blockingAnswer === "no" ? "Yes" : "No";
      await nurse
        .getByRole("radiogroup", { name: q.label })
        .getByRole("radio", { name: safe, exact: true })
        .check();
    }
    await nurse.getByLabel("Medication list").fill("Sertraline 100 mg daily");
    await nurse.getByRole("button", { name: "Record screening" }).click();
    await nurse.getByText(/Screening: recorded by .* \(nothing blocking\)/).waitFor();

    // The PHQ-9, answered by the patient on the tablet: 2 on items 1-8, 0 on item 9 = 16.
    await nurse.getByText("PHQ-9 and MADRS").click();
    for (let n = 1; n <= 9; n++) {
      const group = nurse.getByRole("radiogroup", { name: new RegExp(`^${n}\\. `) });
      await group
        .getByRole("radio", { name: n === 9 ? "Not at all (0)" : "More than half the days (2)" })
        .check();
    }
    await nurse.getByRole("button", { name: "Record PHQ-9" }).click();
    await nurse.getByText("PHQ-9 recorded: 16 (Moderately severe).").waitFor();

    // A baseline above 160/100: the block shows before the nurse tries, and the server refuses the start.
    await recordVitals(nurse, { sbp: 168, dbp: 104, hr: 80, spo2: 98, rr: 14 });
    const block = nurse.getByText(/Baseline BP 168\/104 mmHg is at or above the limit of 160\/100/).first();
    await block.waitFor();
    expect(await checkA11y(nurse, "session (blocked)")).toEqual([]);
    await changePhase(nurse, "Start infusion");
    await nurse.getByText(/Phase not changed: Cannot start the infusion/).waitFor();

    // The physician clears it with a reason.
    const physician = await loggedIn("physician", "physician-demo");
    await physician.goto(sessionUrl);
    await physician
      .getByLabel("Reason for clearing the baseline BP")
      .fill("Known treated hypertension, asymptomatic; BP every 5 min during the infusion.");
    expect(await checkA11y(physician, "session (physician, clearance)")).toEqual([]);
    await physician.getByRole("button", { name: "Clear baseline BP" }).click();
    await physician.getByText(/Cleared: Baseline BP 168\/104 mmHg \(limit 160\/100\) — by Dr\./).waitFor();

    // The nurse sees the clearance (polled) and starts, stops: recovery.
    await nurse.getByText(/Cleared: Baseline BP 168\/104/).waitFor();
    await nurse.getByText(/Ready to start/).waitFor();
    await changePhase(nurse, "Start infusion");
    await nurse.getByRole("button", { name: "Stop infusion" }).waitFor();
    await recordVitals(nurse, { sbp: 176, dbp: 98, hr: 88, spo2: 97, rr: 15 });
    // Stored before the infusion stops, as a nurse sees it in her table (else the signature can lock it out).
    await expect.poll(() => nurse.getByRole("cell", { name: "176/98" }).count()).toBeGreaterThan(0);
    await changePhase(nurse, "Stop infusion");
    await nurse.getByText("Recovery").first().waitFor();

    // The physician signs the discharge, with an override reason for any criterion not yet met.
    await physician.reload();
    await physician.getByRole("button", { name: "Sign discharge" }).waitFor();
    const overrides = physician.getByLabel(/^Override reason:/);
    for (let i = 0; i < (await overrides.count()); i++) {
      await overrides.nth(i).fill("First-day e2e: observed by the physician, fit to leave with escort.");
    }
    await signDischarge(physician, "physician-demo");
    await waitForReadOnly(physician);

    // The course view: infusion 1 of 6 with its PHQ-9, peak BP and clearance, and the chart.
    await nurse.goto(patientUrl);
    const row = nurse.getByRole("row", { name: /infusion 1 of 6/ });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("16");
    expect(await row.textContent()).toContain("176/104");
    expect(await row.textContent()).toContain("Known treated hypertension");
    await nurse.getByRole("figure", { name: "PHQ-9 and MADRS across the course" }).waitFor();
    await nurse.locator("figure .recharts-line-dots circle, figure .recharts-dot").first().waitFor();
    expect(await checkA11y(nurse, "patient (course)")).toEqual([]);
  });
});
