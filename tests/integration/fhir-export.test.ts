import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { fhirErrors, fhirValidator } from "../support/fhir-schema.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  fhirValidator();
}, 60_000);
afterAll(() => server.close());

describe("GET /api/sessions/:id/fhir", () => {
  it("exports the session as a valid FHIR R4 Bundle", async () => {
    const cookie = await server.login("physician");
    const nurse = apiClient(server.url, await server.login("nurse"));
    const id = await startSession(nurse);
    await nurse.post(`/api/sessions/${id}/vitals`, vitals());
    await nurse.post(`/api/sessions/${id}/vitals`, {
      ...vitals(),
      sbp: undefined,
      dbp: undefined,
      source: "monitor",
    });
    const res = await fetch(`${server.url}/api/sessions/${id}/fhir`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/fhir\+json/);
    const bundle = await res.json();
    expect(fhirErrors(bundle)).toEqual([]);
    const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types.slice(0, 2)).toEqual(["Patient", "Encounter"]);
    expect(types.filter((t: string) => t === "Observation")).toHaveLength(4 + 3);
  });

  it("needs a login", async () => {
    const res = await fetch(`${server.url}/api/sessions/${crypto.randomUUID()}/fhir`);
    expect(res.status).toBe(401);
  });
});
