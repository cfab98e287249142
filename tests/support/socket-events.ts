import { io } from "socket.io-client";
import type { DeviceToServerEvents } from "../../shared/device-events.ts";
import type { ClientToServerEvents } from "../../shared/events.ts";
import type { World } from "./fuzz-world.ts";

type ClientEvent = keyof ClientToServerEvents;
type DeviceEvent = keyof DeviceToServerEvents;

/**
 * Every client-to-server event with its valid arguments (the ack, when the event has one, goes last).
 * Keyed by event name and checked against the typed maps, so a new event does not compile until it
 * is listed here, and the fuzz and role-matrix tests then cover it.
 */
export const clientEvents = {
  "station:join": { ack: true, args: () => [] },
  "station:leave": { ack: false, args: () => [] },
  "session:join": { ack: true, args: (w) => [w.sessionId] },
  "session:leave": { ack: false, args: (w) => [w.sessionId] },
} satisfies Record<ClientEvent, { ack: boolean; args: (w: World) => unknown[] }>;

export const deviceEvents = {
  "ingest:vitals": {
    ack: true,
    args: (w) => [w.chair, { id: crypto.randomUUID(), observedAt: new Date().toISOString(), hr: 70 }],
  },
} satisfies Record<DeviceEvent, { ack: boolean; args: (w: World) => unknown[] }>;

export const clientEventNames = Object.keys(clientEvents) as ClientEvent[];
export const deviceEventNames = Object.keys(deviceEvents) as DeviceEvent[];

/** A socket without a generated type: the tests send arguments the typed map would not allow. */
export type LooseSocket = {
  connected: boolean;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  emit(event: string, ...args: unknown[]): unknown;
  close(): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
};

/** Connects and resolves with the socket, or with the handshake error message when it is refused. */
export function tryConnect(
  baseUrl: string,
  options: { namespace?: string; cookie?: string; apiKey?: string; bearer?: string },
): Promise<{ socket: LooseSocket } | { refused: string }> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const socket = io(`${baseUrl}${options.namespace ?? ""}`, {
    transports: ["websocket"],
    extraHeaders: headers,
    auth: options.apiKey ? { apiKey: options.apiKey } : {},
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket: socket as unknown as LooseSocket }));
    socket.once("connect_error", (error: Error) => {
      socket.close();
      resolve({ refused: error.message });
    });
  });
}
