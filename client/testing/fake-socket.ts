import type { ServerToClientEvents } from "../../shared/events.ts";
import type { VigilSocket } from "../lib/socket.ts";

type Handler = (payload: never) => void;

/** Enough of a socket for the realtime bridge: handlers by event, and a way to deliver server events. */
export function fakeSocket() {
  const handlers = new Map<string, Set<Handler>>();
  const socket = {
    connected: true,
    on(event: string, handler: Handler) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
      return socket;
    },
    off(event: string, handler: Handler) {
      handlers.get(event)?.delete(handler);
      return socket;
    },
    emit: () => socket,
  };
  function deliver<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) {
    for (const h of handlers.get(event) ?? []) (h as (p: typeof payload) => void)(payload);
  }
  return { socket: socket as unknown as VigilSocket, deliver };
}
