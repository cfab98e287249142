import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../server/auth/session-cookie.ts";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const hour = 3_600_000;

async function setSession(cookie: string, lastSeenAt: Date, expiresAt: Date) {
  const tokenHash = hashToken(cookie.split("=")[1]!);
  await server.server.ctx.db
    .updateTable("auth_sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("token_hash", "=", tokenHash)
    .execute();
  return tokenHash;
}

describe("session expiry", () => {
  it("slides a session in use: its expiry moves to a full TTL (12 h) from the last request", async () => {
    const cookie = await server.login("nurse");
    const tokenHash = await setSession(cookie, new Date(Date.now() - 11 * hour), new Date(Date.now() + hour));
    const res = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/);
    const row = await server.server.ctx.db
      .selectFrom("auth_sessions")
      .select("expires_at")
      .where("token_hash", "=", tokenHash)
      .executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).getTime()).toBeGreaterThan(Date.now() + 11.9 * hour);
  });

  it("refuses a session idle for longer than the TTL", async () => {
    const cookie = await server.login("nurse");
    await setSession(cookie, new Date(Date.now() - 13 * hour), new Date(Date.now() - hour));
    expect((await apiClient(server.url, cookie).get("/api/auth/me")).status).toBe(401);
  });
});
