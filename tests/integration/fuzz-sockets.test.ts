import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deviceNamespace } from "../../shared/device-events.ts";
import { junkValue, runs } from "../support/arbitraries.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import { fuzzTally } from "../support/fuzz-summary.ts";
import type { World } from "../support/fuzz-world.ts";
import { jsonRequest } from "../support/raw-request.ts";
import {
  clientEventNames,
  clientEvents,
  deviceEventNames,
  deviceEvents,
  type LooseSocket,
  tryConnect,
} from "../support/socket-events.ts";

/**
 * Every client-to-server socket event, on the clinical socket and the device namespace, with random
 * arguments: wrong types, wrong counts, no ack, oversized frames, unknown events. The server must answer
 * each ack with a clear refusal, keep the socket and itself alive, and store nothing.
 */
const tally = fuzzTally("fuzz-sockets");

const fuzz = fuzzServer({
  world: true,
  beforeClose: () =>
    tally.write({ clientEvents: clientEventNames.length, deviceEvents: deviceEventNames.length }),
});

async function open(namespace?: string): Promise<LooseSocket> {
  const connected =
    namespace === deviceNamespace
      ? await tryConnect(fuzz.server.url, {
          namespace,
          apiKey: (fuzz.callers.device as { secret: string }).secret,
        })
      : await tryConnect(fuzz.server.url, { cookie: (fuzz.callers.nurse as { cookie: string }).cookie });
  if (!("socket" in connected)) throw new Error(`refused: ${connected.refused}`);
  return connected.socket;
}

/** The arguments of an event with junk in one or more places, sometimes too few or too many. */
const junkArgs = (valid: unknown[]) =>
  fc.oneof(
    fc.array(junkValue, { minLength: valid.length, maxLength: valid.length }),
    fc
      .tuple(fc.nat({ max: Math.max(0, valid.length - 1) }), junkValue)
      .map(([i, v]) => valid.map((a, j) => (i === j ? v : a))),
    fc.array(junkValue, { maxLength: valid.length + 3 }),
  );

/** An ack must be a refusal naming the problem, or a success when the junk happened to be valid. */
function expectClearAck(reply: unknown, what: string) {
  expect(reply, what).toMatchObject({ ok: expect.any(Boolean) });
  const r = reply as { ok: boolean; error?: unknown; status?: number };
  if (!r.ok) {
    const message = typeof r.error === "string" ? r.error : (r.error as { message?: string })?.message;
    expect(message, what).toMatch(/\w{3,}/);
    if (r.status !== undefined) expect(r.status, what).toBeLessThan(500);
  }
}

const namespaces = [
  { label: "clinical", namespace: undefined, names: clientEventNames, table: clientEvents },
  { label: "device", namespace: deviceNamespace, names: deviceEventNames, table: deviceEvents },
] as const;

describe.each(namespaces)("$label socket", ({ namespace, names, table }) => {
  it.each(names as readonly string[])("%s with junk arguments", async (event) => {
    const { ack, args } = (table as Record<string, { ack: boolean; args: (w: World) => unknown[] }>)[event]!;
    const socket = await open(namespace);
    const valid = args(fuzz.world);
    try {
      await fc.assert(
        fc.asyncProperty(junkArgs(valid), fc.boolean(), async (payload, withAck) => {
          tally.add(`${event}`);
          const before = await dbFingerprint(fuzz.server.server.ctx.db);
          const what = `${event}(${JSON.stringify(payload).slice(0, 200)})`;
          if (ack && withAck && payload.length === valid.length) {
            expectClearAck(await socket.timeout(5000).emitWithAck(event, ...payload), what);
          } else {
            socket.emit(event, ...payload);
          }
          // The socket still answers: events are handled in order, so this ack follows the junk.
          const control = namespace === deviceNamespace ? ["ingest:vitals", "", {}] : ["station:join"];
          const [controlEvent, ...controlArgs] = control as [string, ...unknown[]];
          expectClearAck(await socket.timeout(5000).emitWithAck(controlEvent, ...controlArgs), "control");
          expect(socket.connected, what).toBe(true);
          const after = await dbFingerprint(fuzz.server.server.ctx.db);
          // Junk that happened to be a valid reading may store it; nothing else may change anything.
          if (namespace !== deviceNamespace) expect(after, what).toEqual(before);
        }),
        runs(15),
      );
    } finally {
      socket.close();
    }
  });
});

describe("frames the server must survive", () => {
  it("refuses a chair PostgreSQL cannot store with a 400 ack, not a 500", async () => {
    tally.add("unstorable text");
    const socket = await open(deviceNamespace);
    try {
      const [, reading] = deviceEvents["ingest:vitals"].args(fuzz.world);
      for (const chair of ["Bay\u00001", "Bay \ud800"]) {
        const reply = await socket.timeout(5000).emitWithAck("ingest:vitals", chair, reading);
        expect(reply, JSON.stringify(chair)).toMatchObject({ ok: false, status: 400 });
      }
    } finally {
      socket.close();
    }
  });

  it("ignores unknown events and keeps the socket", async () => {
    const socket = await open();
    try {
      for (const event of ["nope", "session:delete", "__proto__", "constructor", ""]) {
        tally.add("unknown events");
        socket.emit(event, { sessionId: fuzz.world.sessionId });
      }
      expect(await socket.timeout(5000).emitWithAck("station:join")).toEqual({ ok: true });
    } finally {
      socket.close();
    }
  });

  it.each([undefined, deviceNamespace])(
    "drops a frame over 100 kB on %s and keeps serving",
    async (namespace) => {
      tally.add("oversized frames");
      const socket = await open(namespace);
      const closed = new Promise<string>((resolve) =>
        socket.once("disconnect", (reason) => resolve(String(reason))),
      );
      socket.emit(namespace ? "ingest:vitals" : "session:join", "x".repeat(200_000));
      expect(await closed).toMatch(/transport (close|error)/);
      const again = await open(namespace);
      again.close();
      const health = await jsonRequest(fuzz.server.url, "get", "/api/health", fuzz.callers.nurse);
      expect(health.status).toBe(200);
    },
  );
});
