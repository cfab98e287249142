import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { anyone } from "../../shared/api/endpoint.ts";
import { type SocketEventName, socketPayloadProblem } from "../../shared/schemas/socket-payloads.ts";
import type { User } from "../../shared/schemas/user.ts";
import { crossSiteProblem, ownOriginOf } from "../http/csrf.ts";

export type JoinAck = (r: { ok: true } | { ok: false; error: string }) => void;

/** The cross-site check of a handshake: a page on another site must not open a socket with our cookie. */
export function handshakeOriginProblem(
  request: IncomingMessage,
  options: { allowedOrigins: readonly string[]; trustProxy: boolean },
): string | null {
  const encrypted = Boolean((request.socket as TLSSocket).encrypted);
  const secFetchSite = request.headers["sec-fetch-site"];
  return crossSiteProblem(
    {
      origin: request.headers.origin,
      secFetchSite: Array.isArray(secFetchSite) ? secFetchSite[0] : secFetchSite,
      ownOrigin: ownOriginOf(request.headers, encrypted, options.trustProxy),
    },
    options.allowedOrigins,
  );
}

/** Clinical staff may watch every session of the clinic; any other role (a device) sees no patient data. */
export function mayWatchPatients(user: User): boolean {
  return anyone.includes(user.role);
}

/**
 * Splits an event's arguments into payload and ack (always the last argument when it is a function),
 * validates the payload with the shared schema and answers a problem through the ack.
 * Returns the payload when valid, null otherwise (the handler then does nothing).
 */
export function validEventArgs(
  event: SocketEventName,
  args: unknown[],
): { payload: unknown[]; ack: JoinAck | null } | { problem: string; ack: JoinAck | null } {
  const last = args.at(-1);
  const ack = typeof last === "function" ? (last as JoinAck) : null;
  const payload = ack ? args.slice(0, -1) : args;
  const problem = socketPayloadProblem(event, payload);
  return problem ? { problem, ack } : { payload, ack };
}
