import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiError } from "../../shared/schemas/errors.ts";

/** Node's own refusals, before Express sees the request: headers or URL over the limit, unparsable requests. */
const refusals: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: "Request Header Fields Too Large",
    message: "The request line or headers are too large (over 16 kB): shorten the URL or the headers.",
  },
};
const malformed = {
  status: 400,
  reason: "Bad Request",
  message: "The request could not be parsed as HTTP.",
};

/**
 * Answers requests Node's HTTP parser refuses with the same JSON error body as every other refusal,
 * instead of Node's bare status line, so clients and devices can read why.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === "ECONNRESET" && !socket.readable)) {
      socket.destroy();
      return;
    }
    const refusal = (error.code && refusals[error.code]) || malformed;
    const body: ApiError = {
      error: {
        code: refusal.status === 431 ? "payload_too_large" : "validation_failed",
        message: refusal.message,
      },
    };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
