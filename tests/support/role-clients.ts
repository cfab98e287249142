import { afterAll, beforeAll, expect } from "vitest";
import { apiClient } from "./api.ts";
import { startTestServer } from "./test-server.ts";

type Client = ReturnType<typeof apiClient>;
type LoginRole = "nurse" | "physician" | "admin";

/**
 * Starts one test server for the calling file (beforeAll, closed in afterAll) and logs in the given demo
 * roles, in that order. The returned clients can be bound at the top of the file: each forwards to the
 * logged-in client once beforeAll has run.
 */
export function serverWithRoleClients<R extends LoginRole>(roles: readonly R[]): Record<R, Client> {
  const live = new Map<R, Client>();
  const forward = (role: R): Client => ({
    get: (path) => live.get(role)!.get(path),
    post: (path, body) => live.get(role)!.post(path, body),
  });
  const clients = Object.fromEntries(roles.map((role) => [role, forward(role)])) as Record<R, Client>;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const server = await startTestServer();
    close = () => server.close();
    for (const role of roles) live.set(role, apiClient(server.url, await server.login(role)));
  });
  afterAll(() => close?.());
  return clients;
}

/** Registers a patient as the nurse (a fresh MRN each time) and returns the created record. */
export async function registerCoursePatient(nurse: Client, extra: Record<string, unknown> = {}) {
  const res = await nurse.post("/api/patients", {
    mrn: `PC-${crypto.randomUUID().slice(0, 8)}`,
    fullName: "Course Patient",
    dateOfBirth: "1984-02-11",
    weightKg: 72,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}
