import { z } from "zod";
import { idSchema } from "./common.ts";

/**
 * Payloads of the client-to-server socket events (shared/events.ts), validated on the server like REST
 * bodies; the ack answers `{ ok: false, error }` naming what was wrong.
 */
export const socketPayloadSchemas = {
  "station:join": z.tuple([]),
  "station:leave": z.tuple([]),
  "session:join": z.tuple([idSchema]),
  "session:leave": z.tuple([idSchema]),
} as const;

export type SocketEventName = keyof typeof socketPayloadSchemas;

/** "sessionId must be a UUID" (like a REST issue: path then message) for an ack, or null when the payload is valid. */
export function socketPayloadProblem(event: SocketEventName, args: unknown[]): string | null {
  const result = socketPayloadSchemas[event].safeParse(args);
  if (result.success) return null;
  const names: string[] = event.startsWith("session:") ? ["sessionId"] : [];
  return result.error.issues
    .map((issue) => {
      if (issue.path.length === 0) {
        return names.length > 0 ? `${event} expects ${names.join(", ")}` : `${event} takes no payload`;
      }
      const index = typeof issue.path[0] === "number" ? issue.path[0] : -1;
      const field = names[index] ?? (index >= 0 ? `argument ${index + 1}` : "payload");
      return `${field} ${issue.message}`;
    })
    .join("; ");
}
