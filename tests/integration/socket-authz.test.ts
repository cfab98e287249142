import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAuthSession } from "../../server/auth/repo.ts";
import { hashToken, newSessionToken, SESSION_COOKIE } from "../../server/auth/session-cookie.ts";
import { ensureUser } from "../../server/demo/accounts.ts";
import { apiClient, connectSocket, nextEvent, type TestSocket } from "../support/api.ts";
import { startSession, vitals } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer();
  sessionId = await startSession(apiClient(server.url, await server.login("nurse")));
});
afterAll(() => server.close());

function connectError(cookie: string): Promise<string> {
  const socket = io(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
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

describe("socket handshake", () => {
  it("refuses a socket without a live login", async () => {
    expect(await connectError("")).toMatch(/^unauthenticated/);
    expect(await connectError(`${SESSION_COOKIE}=forged-token`)).toMatch(/^unauthenticated/);
  });

  it("refuses a login session held by a device actor (a device never receives patient data)", async () => {
    const db = server.server.ctx.db;
    const device = await db
      .insertInto("users")
      .values({
        id: crypto.randomUUID(),
        username: "gw-1",
        display_name: "Gateway",
        role: "device",
        password_hash: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = newSessionToken();
    await insertAuthSession(db, hashToken(token), device.id, new Date(), new Date(Date.now() + 3_600_000));
    expect(await connectError(`${SESSION_COOKIE}=${token}`)).toMatch(/^unauthenticated/);
  });
});

describe("socket rooms and payloads", () => {
  it("lets every clinical role join any session of the clinic and receive its events", async () => {
    for (const role of ["nurse", "physician", "admin"] as const) {
      const socket = await connectSocket(server.url, await server.login(role));
      expect(await socket.emitWithAck("session:join", sessionId)).toEqual({ ok: true });
      expect(await socket.emitWithAck("station:join")).toEqual({ ok: true });
      socket.close();
    }
    const watcher = await connectSocket(server.url, await server.login("admin"));
    await watcher.emitWithAck("session:join", sessionId);
    const recorded = nextEvent(watcher, "vitals:recorded", (e) => e.sessionId === sessionId);
    const nurse = apiClient(server.url, await server.login("nurse"));
    expect((await nurse.post(`/api/sessions/${sessionId}/vitals`, vitals())).status).toBe(201);
    expect((await recorded).reading.sbp).toBeTypeOf("number");
    watcher.close();
  });

  it("answers malformed and unknown ids with a clear error through the ack and joins nothing", async () => {
    const socket = await connectSocket(server.url, await server.login("nurse"));
    const ack = (...args: unknown[]) =>
      new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)(...args, resolve));
    expect(await ack("session:join", "nope")).toEqual({ ok: false, error: "sessionId must be a UUID" });
    expect(await ack("session:join", { id: sessionId })).toEqual({
      ok: false,
      error: "sessionId must be a UUID",
    });
    expect(await ack("session:join")).toEqual({ ok: false, error: "session:join expects sessionId" });
    expect(await ack("session:join", crypto.randomUUID())).toEqual({ ok: false, error: "session not found" });
    expect(await ack("station:join", "extra")).toEqual({ ok: false, error: "station:join takes no payload" });
    const rooms = await server.server.io.in(`session:${sessionId}`).fetchSockets();
    expect(rooms.map((s) => s.id)).not.toContain(socket.id);
    socket.close();
  });
});

describe("sockets of a login that ends", () => {
  async function loginAs(username: string, password: string): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    return res.headers.get("set-cookie")!.split(";")[0]!;
  }
  const closedByServer = (socket: TestSocket) =>
    new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

  it("are closed by the server on a password change (other logins) and on logout (that login)", async () => {
    await ensureUser(server.server.ctx.db, {
      username: "nurse-jo",
      password: "first-password-2026",
      displayName: "Nurse Jo",
      role: "nurse",
    });
    const here = await loginAs("nurse-jo", "first-password-2026");
    const elsewhere = await loginAs("nurse-jo", "first-password-2026");
    const hereSocket = await connectSocket(server.url, here);
    const elsewhereSocket = await connectSocket(server.url, elsewhere);
    const elsewhereClosed = closedByServer(elsewhereSocket);

    const changed = await apiClient(server.url, here).post("/api/auth/password", {
      currentPassword: "first-password-2026",
      newPassword: "second-password-for-jo",
    });
    expect(changed.status).toBe(200);
    expect(await elsewhereClosed).toBe("io server disconnect");
    expect(hereSocket.connected).toBe(true);

    const hereClosed = closedByServer(hereSocket);
    expect((await apiClient(server.url, here).post("/api/auth/logout", {})).status).toBe(200);
    expect(await hereClosed).toBe("io server disconnect");
  });
});
