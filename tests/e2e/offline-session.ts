import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { launchBrowser } from "./browser.ts";

/** What the offline e2e tests share: a server with the built client, a browser and one nurse's session. */
export interface OfflineSession {
  server: TestServer;
  browser: Browser;
  /** Browser contexts the test opens; afterAll closes them. */
  contexts: BrowserContext[];
  /** The nurse's API client, to read what the server stored. */
  api: ReturnType<typeof apiClient>;
  sessionId: string;
}

interface Patient {
  mrn: string;
  fullName: string;
  dateOfBirth: string;
  weightKg: number;
}

// An upper bound for each wait, generous for a loaded CI machine; never a sleep.
export const wait = { timeout: 20_000, interval: 100 };

/**
 * Registers the file's beforeAll (server, browser, nurse login, the patient registered and a session
 * started in `chair`) and afterAll (contexts, browser, server closed). Returns a holder beforeAll fills.
 */
export function offlineSession(patient: Patient, chair: string): OfflineSession {
  const world = { contexts: [] as BrowserContext[] } as OfflineSession;
  beforeAll(async () => {
    world.server = await startTestServer({ clientDir: inject("clientDir") });
    world.browser = await launchBrowser();
    world.api = apiClient(world.server.url, await world.server.login("nurse"));
    const registered = await world.api.post("/api/patients", patient);
    expect(registered.status).toBe(201);
    const session = await world.api.post("/api/sessions", {
      patientId: registered.body.id,
      chair,
      weightKg: patient.weightKg,
      doseMgPerKg: 0.5,
      plannedDurationMin: 40,
    });
    expect(session.status).toBe(201);
    world.sessionId = session.body.id;
  });
  afterAll(async () => {
    for (const context of world.contexts) await context.close();
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}

/** The readings the server has stored for the session. */
export async function storedReadings({ api, sessionId }: OfflineSession) {
  const detail = await api.get(`/api/sessions/${sessionId}`);
  expect(detail.status).toBe(200);
  return detail.body.vitals as { id: string; hr: number | null }[];
}

/** The page's "Unsynced entries" status (entries still in the device's outbox). */
export const unsynced = (page: Page) => page.getByRole("status", { name: "Unsynced entries" });
