import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import type { EndpointName } from "../../shared/api/endpoints.ts";
import { deviceNamespace } from "../../shared/device-events.ts";
import { dbFingerprint } from "../support/db-fingerprint.ts";
import { endpointEntries, urlOf, validRequestFor } from "../support/endpoint-requests.ts";
import { actsOnOwnLogin, type LoginRole, throwawayCaller } from "../support/fuzz-callers.ts";
import { fuzzServer } from "../support/fuzz-server.ts";
import type { Role } from "../support/fuzz-world.ts";
import { type Caller, clearErrorProblem, jsonRequest, nobody } from "../support/raw-request.ts";
import {
  clientEventNames,
  clientEvents,
  deviceEventNames,
  deviceEvents,
  tryConnect,
} from "../support/socket-events.ts";

/**
 * Every endpoint of the table as nobody, nurse, physician, admin and device: 401 without the credential
 * the endpoint reads (no login, a cookie on an API-key endpoint, a key on a cookie endpoint), 403 for a
 * role not in `roles`, and neither for the roles it allows. Then every socket event as each of them.
 */
const loginRoles: LoginRole[] = ["nurse", "physician", "admin"];
const matrixRoles = ["nobody", ...loginRoles, "device"] as const;
type MatrixRole = (typeof matrixRoles)[number];
/** Logout, unlock and password change end or change the caller's login: one throwaway user per cell. */
const ownLogin = new Map<string, Caller>();

const fuzz = fuzzServer({
  world: true,
  afterSetup: async ({ server }) => {
    for (const [name] of endpointEntries.filter(([, e]) => actsOnOwnLogin(e))) {
      for (const role of loginRoles) ownLogin.set(`${name}:${role}`, await throwawayCaller(server, role));
    }
  },
});

function callerFor(name: EndpointName, endpoint: Endpoint, role: MatrixRole): Caller {
  if (role === "nobody") return nobody;
  if (role !== "device" && actsOnOwnLogin(endpoint)) return ownLogin.get(`${name}:${role}`)!;
  return fuzz.callers[role as Role];
}

/** 401, 403 or "allowed" (anything but those two). */
function expectedFor(endpoint: Endpoint, role: MatrixRole): 401 | 403 | "allowed" {
  if (endpoint.roles === null) return "allowed";
  if (role === "nobody") return 401;
  const readsKey = endpoint.auth === "apiKey";
  if (readsKey !== (role === "device")) return 401;
  return endpoint.roles.includes(role) ? "allowed" : 403;
}

describe.each(endpointEntries)("%s", (name, endpoint) => {
  it.each(matrixRoles)(`${endpoint.method.toUpperCase()} ${endpoint.path} as %s`, async (role) => {
    const request = validRequestFor(name, fuzz.world);
    const expected = expectedFor(endpoint, role);
    const before = expected === "allowed" ? null : await dbFingerprint(fuzz.server.server.ctx.db);
    const res = await jsonRequest(
      fuzz.server.url,
      endpoint.method,
      urlOf(endpoint, request),
      callerFor(name, endpoint, role),
      request.body,
    );
    const what = `${name} as ${role}: ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status, what).toBeLessThan(500);
    if (expected === "allowed") {
      expect([401, 403], what).not.toContain(res.status);
      return;
    }
    expect(res.status, what).toBe(expected);
    expect(clearErrorProblem(res), what).toBeNull();
    expect(res.json.error.code).toBe(expected === 401 ? "unauthenticated" : "forbidden");
    if (expected === 403) expect(res.json.error.message).toMatch(/needs the role/);
    expect(await dbFingerprint(fuzz.server.server.ctx.db), `${what} changed the database`).toEqual(before);
  });
});

describe("socket events", () => {
  async function connectAs(role: MatrixRole, namespace?: string) {
    if (role === "nobody") return tryConnect(fuzz.server.url, { namespace });
    const caller = fuzz.callers[role as Role];
    if (caller.kind === "apiKey") {
      return tryConnect(fuzz.server.url, { namespace, apiKey: caller.secret, bearer: caller.secret });
    }
    return tryConnect(fuzz.server.url, {
      namespace,
      cookie: caller.kind === "cookie" ? caller.cookie : undefined,
    });
  }

  it.each(matrixRoles)("the clinical socket as %s", async (role) => {
    const connected = await connectAs(role);
    if (role === "nobody" || role === "device") {
      expect(connected, `${role} got a clinical socket`).toHaveProperty("refused");
      expect((connected as { refused: string }).refused).toMatch(/unauthenticated/);
      return;
    }
    if (!("socket" in connected)) throw new Error(`${role} refused: ${connected.refused}`);
    const { socket } = connected;
    try {
      for (const event of clientEventNames) {
        const { ack, args } = clientEvents[event];
        if (ack) {
          const reply = await socket.timeout(5000).emitWithAck(event, ...args(fuzz.world));
          expect(reply, `${event} as ${role}`).toEqual({ ok: true });
        } else {
          socket.emit(event, ...args(fuzz.world));
        }
      }
      // Still connected and answering after the events without an ack.
      expect(await socket.timeout(5000).emitWithAck("station:join")).toEqual({ ok: true });
    } finally {
      socket.close();
    }
  });

  it.each(matrixRoles)("the device namespace as %s", async (role) => {
    const connected = await connectAs(role, deviceNamespace);
    if (role !== "device") {
      expect(connected, `${role} got a device socket`).toHaveProperty("refused");
      expect((connected as { refused: string }).refused).toMatch(/unauthenticated/);
      return;
    }
    if (!("socket" in connected)) throw new Error(`device refused: ${connected.refused}`);
    try {
      for (const event of deviceEventNames) {
        const reply = await connected.socket
          .timeout(5000)
          .emitWithAck(event, ...deviceEvents[event].args(fuzz.world));
        expect(reply, event).toMatchObject({ ok: true });
      }
    } finally {
      connected.socket.close();
    }
  });
});
