import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, connectSocket } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("authentication", () => {
  it("logs in with an httpOnly SameSite=Strict cookie and knows who is logged in", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "nurse", password: "nurse-demo" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await apiClient(server.url, cookie.split(";")[0]).get("/api/auth/me");
    expect(me.body.user).toMatchObject({ username: "nurse", role: "nurse" });
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const wrong = await apiClient(server.url).post("/api/auth/login", {
      username: "nurse",
      password: "nope",
    });
    const unknown = await apiClient(server.url).post("/api/auth/login", {
      username: "ghost",
      password: "nope",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("ends the session on logout", async () => {
    const cookie = await server.login("nurse");
    const client = apiClient(server.url, cookie);
    expect((await client.post("/api/auth/logout")).status).toBe(200);
    expect((await client.get("/api/auth/me")).status).toBe(401);
  });

  it.each(["/api/auth/me", "/api/patients", "/api/sessions"])(
    "answers 401 on GET %s without a session",
    async (path) => {
      const res = await apiClient(server.url).get(path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    },
  );

  it("keeps health and the OpenAPI document public", async () => {
    const health = await apiClient(server.url).get("/api/health");
    expect(health.body).toMatchObject({ status: "ok", demo: false });
    const doc = await apiClient(server.url).get("/api/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toContain("/api/sessions/{id}/vitals");
  });
});

describe("roles", () => {
  it("lets only a clinician write clinical entries", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    const admin = apiClient(server.url, await server.login("admin"));
    const id = await startSession(nurse);
    const res = await admin.post(`/api/sessions/${id}/vitals`, vitals());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect((await admin.get(`/api/sessions/${id}`)).status).toBe(200);
  });

  it("lets only a physician acknowledge alerts and sign a discharge", async () => {
    const nurse = apiClient(server.url, await server.login("nurse"));
    const id = await startSession(nurse);
    const raised = await nurse.post(`/api/sessions/${id}/vitals`, vitals({ sbp: 210, dbp: 100 }));
    const alertId = raised.body.alerts[0].id;
    expect((await nurse.post(`/api/alerts/${alertId}/acknowledge`, {})).status).toBe(403);
    const sign = await nurse.post(`/api/sessions/${id}/discharge`, {
      password: "nurse-demo",
      meaningAccepted: true,
    });
    expect(sign.status).toBe(403);
  });
});

describe("socket authentication", () => {
  it("refuses a handshake without a session", async () => {
    const socket = io(server.url, { transports: ["websocket"], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toMatch(/unauthenticated/);
    socket.close();
  });

  it("refuses to join a room for an unknown or malformed session", async () => {
    const socket = await connectSocket(server.url, await server.login("physician"));
    expect(await socket.emitWithAck("session:join", "nope")).toEqual({
      ok: false,
      error: "sessionId must be a UUID",
    });
    expect(await socket.emitWithAck("session:join", crypto.randomUUID())).toMatchObject({ ok: false });
    socket.close();
  });
});
