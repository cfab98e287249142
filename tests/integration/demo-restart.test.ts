import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoClinic } from "../../server/demo/clinic.ts";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server.close());

describe("the demo clinic", () => {
  it("seeds again on a restart: the previous demo sessions are signed off with reasons, never a crash", async () => {
    await seedDemoClinic(server.server.ctx);
    const physician = apiClient(server.url, await server.login("physician"));
    const first = (await physician.get("/api/sessions")).body.map(
      (s: { session: { id: string } }) => s.session.id,
    );
    expect(first.length).toBe(5);

    await seedDemoClinic(server.server.ctx);
    const second = (await physician.get("/api/sessions")).body.map(
      (s: { session: { id: string } }) => s.session.id,
    );
    expect(second.length).toBe(5);
    expect(second.filter((id: string) => first.includes(id))).toEqual([]);
    const old = await physician.get(`/api/sessions/${first[0]}`);
    expect(old.body.session.phase).toBe("discharged");
    expect(old.body.discharge.overrides.length).toBeGreaterThan(0);
  }, 120_000);
});
