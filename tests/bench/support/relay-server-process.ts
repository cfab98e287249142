import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { deviceNamespace } from "../../../shared/device-events.ts";
import { traceEventLoop } from "./loop-trace.ts";
import { chairName } from "./seed-chairs.ts";
import { type ChairSeat, failSetup, serveParent } from "./server-protocol.ts";

/**
 * Child process: the raw Socket.IO relay baseline. The same device namespace and event, no auth, no
 * validation, no storage: each reading is acked and forwarded to the station room as it arrives.
 */
const chairs = Number(process.env.BENCH_CHAIRS ?? 100);

traceEventLoop("relay");

try {
  const started = performance.now();
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 100_000 });
  io.on("connection", (socket) => {
    socket.on("station:join", (ack: (r: { ok: true }) => void) => {
      void socket.join("station");
      ack({ ok: true });
    });
  });
  io.of(deviceNamespace).on("connection", (socket) => {
    socket.on("ingest:vitals", (chair: string, reading: unknown, ack: (r: { ok: true }) => void) => {
      io.to("station").emit("relay:vitals", { chair, reading });
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const seats: ChairSeat[] = Array.from({ length: chairs }, (_, i) => ({
    chair: chairName(i),
    sessionId: chairName(i),
  }));
  serveParent({ type: "ready", url, seats, setupMs: performance.now() - started }, async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
} catch (error) {
  failSetup(error);
}
