import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events.ts";

export type VigilSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: VigilSocket | undefined;

/** The one socket of the app: same origin, cookie auth; connected by the socket provider after login. */
export function getSocket(): VigilSocket {
  socket ??= io({ path: "/socket.io", withCredentials: true, autoConnect: false });
  return socket;
}
