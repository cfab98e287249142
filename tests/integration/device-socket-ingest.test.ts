import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DeviceIngestAck,
  type DeviceToServerEvents,
  deviceNamespace,
  type ServerToDeviceEvents,
} from "../../shared/device-events.ts";
import { apiClient, connectSocket, nextEvent, type TestSocket } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

type DeviceSocket = Socket<ServerToDeviceEvents, DeviceToServerEvents>;

// The server's clock: the test moves it past the key re-check interval instead of sleeping.
let clock = Date.now();
let server: TestServer;
let admin: ReturnType<typeof apiClient>;
let nurse: ReturnType<typeof apiClient>;
let physician: TestSocket;
const open: { close(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
  admin = apiClient(server.url, await server.login("admin"));
  nurse = apiClient(server.url, await server.login("nurse"));
  physician = await connectSocket(server.url, await server.login("physician"));
  await physician.emitWithAck("station:join");
});
afterAll(async () => {
  for (const s of [...open, physician]) s.close();
  await server.close();
});

async function newKey(label: string): Promise<{ id: string; secret: string }> {
  const res = await admin.post("/api/admin/api-keys", { label });
  expect(res.status).toBe(201);
  return { id: res.body.apiKey.id, secret: res.body.secret };
}

/** Connects to the device namespace; resolves the socket, or the server's refusal message. */
function connectDevice(auth: Record<string, unknown>): Promise<DeviceSocket | string> {
  const socket: DeviceSocket = io(`${server.url}${deviceNamespace}`, {
    transports: ["websocket"],
    auth,
    reconnection: false,
  });
  open.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

async function connectedDevice(secret: string): Promise<DeviceSocket> {
  const socket = await connectDevice({ apiKey: secret });
  if (typeof socket === "string") throw new Error(`device refused: ${socket}`);
  return socket;
}

const send = (socket: DeviceSocket, chair: string, reading: Record<string, unknown>) =>
  socket.emitWithAck("ingest:vitals", chair, reading as never) as Promise<DeviceIngestAck>;

const monitorReading = (values: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  observedAt: new Date(clock).toISOString(),
  hr: 72,
  spo2: 98,
  ...values,
});

async function storedIds(sessionId: string): Promise<string[]> {
  const detail = await nurse.get(`/api/sessions/${sessionId}`);
  expect(detail.status).toBe(200);
  return detail.body.vitals.map((v: { id: string }) => v.id);
}

describe("device socket handshake", () => {
  it("refuses a device without an API key or with a malformed one", async () => {
    expect(await connectDevice({})).toMatch(/send the ingest API key as auth: \{ apiKey/);
    expect(await connectDevice({ apiKey: "not-a-key" })).toMatch(/send the ingest API key/);
    expect(await connectDevice({ apiKey: "vgl_unknown" })).toMatch(/unknown or revoked/);
  });

  it("refuses a revoked key at the handshake, and stops a connected socket once its key is revoked", async () => {
    const key = await newKey("Revoked socket gateway");
    const id = await startSession(nurse, { chair: "DS1" });
    const socket = await connectedDevice(key.secret);
    expect((await send(socket, "DS1", monitorReading())).ok).toBe(true);

    expect((await admin.post(`/api/admin/api-keys/${key.id}/revoke`)).status).toBe(200);
    expect(await connectDevice({ apiKey: key.secret })).toMatch(/unknown or revoked/);

    clock += 6_000;
    const before = await storedIds(id);
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    const refused = await send(socket, "DS1", monitorReading());
    expect(refused).toMatchObject({ ok: false, status: 401, error: { message: /unknown or revoked/ } });
    await disconnected;
    expect(await storedIds(id)).toEqual(before);
  });

  it("checks a key in the background half way to the deadline: the reading goes through, the socket then stops", async () => {
    const key = await newKey("Background-checked gateway");
    await startSession(nurse, { chair: "DS9" });
    const socket = await connectedDevice(key.secret);
    expect((await send(socket, "DS9", monitorReading())).ok).toBe(true);
    expect((await admin.post(`/api/admin/api-keys/${key.id}/revoke`)).status).toBe(200);

    clock += 3_000;
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    // Still within the 5 s the last check vouches for: not held up by the check it starts.
    expect((await send(socket, "DS9", monitorReading())).ok).toBe(true);
    await disconnected;
  });
});

describe("ingest:vitals", () => {
  it("refuses a bad payload with the field and reason, and stores nothing", async () => {
    const { secret } = await newKey("Strict socket gateway");
    const id = await startSession(nurse, { chair: "DS2" });
    const socket = await connectedDevice(secret);

    const inverted = await send(socket, "DS2", monitorReading({ sbp: 90, dbp: 95 }));
    expect(inverted).toMatchObject({ ok: false, status: 400, error: { code: "validation_failed" } });
    if (inverted.ok) throw new Error("unreachable");
    expect(inverted.error.issues).toEqual([{ path: "sbp", message: "systolic must be above diastolic" }]);

    const manual = await send(socket, "DS2", monitorReading({ source: "manual" }));
    expect(manual).toMatchObject({ ok: false, status: 400, error: { issues: [{ path: "source" }] } });
    const noChair = await send(socket, "", monitorReading());
    expect(noChair).toMatchObject({ ok: false, status: 400, error: { issues: [{ path: "chair" }] } });
    const emptyChair = await send(socket, "Nobody", monitorReading());
    expect(emptyChair).toMatchObject({ ok: false, status: 404, error: { message: /No active session/ } });

    expect(await storedIds(id)).toEqual([]);
  });

  it("acks only once the reading is stored, and the physicians' station receives it", async () => {
    const { secret } = await newKey("Chair DS3 monitor");
    const id = await startSession(nurse, { chair: "DS3" });
    const socket = await connectedDevice(secret);
    const reading = monitorReading({ hr: 83, spo2: 95 });
    const broadcast = nextEvent(physician, "vitals:recorded", (e) => e.reading.id === reading.id);

    const ack = await send(socket, "DS3", reading);
    expect(ack).toMatchObject({
      ok: true,
      created: true,
      reading: { id: reading.id, sessionId: id, source: "monitor", hr: 83, recordedBy: { role: "device" } },
    });
    expect(await storedIds(id)).toContain(reading.id);
    expect((await broadcast).sessionId).toBe(id);
  });

  it("raises the alert for a limit-crossing reading and reaches the station with it", async () => {
    const { secret } = await newKey("Chair DS4 monitor");
    const id = await startSession(nurse, { chair: "DS4" });
    const socket = await connectedDevice(secret);
    const alert = nextEvent(physician, "alert:changed", (e) => e.sessionId === id);
    const ack = await send(socket, "DS4", monitorReading({ sbp: 205, dbp: 95 }));
    expect(ack).toMatchObject({ ok: true, alerts: [{ priority: "high" }] });
    expect((await alert).alert.priority).toBe("high");
  });

  it("stores a retried reading once and answers the retry with created: false", async () => {
    const { secret } = await newKey("Chair DS5 monitor");
    const id = await startSession(nurse, { chair: "DS5" });
    const socket = await connectedDevice(secret);
    const reading = monitorReading({ hr: 77 });
    const [first, second] = await Promise.all([send(socket, "DS5", reading), send(socket, "DS5", reading)]);
    expect([first, second].map((a) => a.ok)).toEqual([true, true]);
    const retry = await send(socket, "DS5", reading);
    expect(retry).toMatchObject({ ok: true, created: false, reading: { id: reading.id } });
    expect((await storedIds(id)).filter((v) => v === reading.id)).toHaveLength(1);
  });
});
