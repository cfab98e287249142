import { createHash } from "node:crypto";
import type { SimReplayLine } from "../replay-line.ts";

/**
 * The client id of a simulated entry: a name-based UUID of the session and the line, so a retry, a
 * restarted simulator or the demo seeder sending the same line for the same session is recognised by
 * the server as the same entry (idempotent), never stored twice.
 */
export function lineId(sessionId: string, line: SimReplayLine): string {
  const hex = createHash("sha256")
    .update(`${sessionId}\n${JSON.stringify(line)}`)
    .digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
