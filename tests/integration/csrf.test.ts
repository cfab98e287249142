import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function logout(cookie: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api/auth/logout`, {
    method: "POST",
    headers: { cookie, ...headers },
  });
  return { status: res.status, body: await res.json() };
}

const stillLoggedIn = async (cookie: string) =>
  (await apiClient(server.url, cookie).get("/api/auth/me")).status;

describe("CSRF origin check on state-changing requests", () => {
  it("refuses a POST from another origin with 403 and changes nothing", async () => {
    const cookie = await server.login("nurse");
    const res = await logout(cookie, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(res.body.error.message).toMatch(/Cross-site request refused: Origin https:\/\/evil.example/);
    expect(await stillLoggedIn(cookie)).toBe(200);
  });

  it("refuses a POST the browser marks Sec-Fetch-Site: cross-site even without Origin", async () => {
    const cookie = await server.login("nurse");
    const res = await logout(cookie, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(await stillLoggedIn(cookie)).toBe(200);
  });

  it("accepts the server's own origin and requests without browser headers", async () => {
    const own = await server.login("nurse");
    expect((await logout(own, { origin: server.url, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect(await stillLoggedIn(own)).toBe(401);
    const curl = await server.login("nurse");
    expect((await logout(curl, {})).status).toBe(200);
  });

  it("lets cross-site GETs through (they change nothing; CORS keeps their answers from the other site)", async () => {
    const cookie = await server.login("nurse");
    const res = await fetch(`${server.url}/api/auth/me`, {
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
  });
});

describe("CSRF origin check on the Socket.IO handshake", () => {
  function handshake(cookie: string, origin?: string): Promise<string> {
    const socket = io(server.url, {
      transports: ["websocket"],
      extraHeaders: { cookie, ...(origin ? { origin } : {}) },
      reconnection: false,
    });
    return new Promise((resolve) => {
      socket.once("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.once("connect_error", (error) => {
        socket.close();
        resolve(error.message);
      });
    });
  }

  it("refuses a socket opened from another site's page, accepts the own origin", async () => {
    const cookie = await server.login("nurse");
    expect(await handshake(cookie, "https://evil.example")).toMatch(/^forbidden: Cross-site request refused/);
    expect(await handshake(cookie, server.url)).toBe("connected");
    expect(await handshake(cookie)).toBe("connected");
  });
});
