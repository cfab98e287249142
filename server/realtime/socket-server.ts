import type http from "node:http";
import type { Kysely } from "kysely";
import { Server } from "socket.io";
import { rooms } from "../../shared/events.ts";
import type { User } from "../../shared/schemas/user.ts";
import { userFromCookieHeader } from "../auth/middleware.ts";
import { hashToken, readSessionToken } from "../auth/session-cookie.ts";
import type { Database } from "../db/schema.ts";
import { findSession } from "../sessions/repo.ts";
import { loginRoom, type VigilIo } from "./publisher.ts";
import type { SocketAdapterFactory } from "./redis-adapter.ts";
import { handshakeOriginProblem, mayWatchPatients, validEventArgs } from "./socket-guards.ts";

interface SocketData {
  user: User;
  /** The hash of the login's token: the socket joins that login's room, closed when the login ends. */
  loginTokenHash: string;
}

/**
 * Socket.IO on the same HTTP server, authenticated with the same session cookie as REST.
 * One room per infusion session plus the central-station room.
 */
export function createSocketServer(
  httpServer: http.Server,
  db: Kysely<Database>,
  options: {
    adapter?: SocketAdapterFactory | undefined;
    /** The CSRF origin check of the handshake (config.allowedOrigins, config.trustProxy). */
    origins?: { allowedOrigins: readonly string[]; trustProxy: boolean };
  } = {},
): VigilIo {
  const io: VigilIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 100_000,
    // A client back within the window gets the events it missed (across nodes through the Redis stream);
    // the cookie is checked again on recovery, so a revoked login does not come back with it.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });

  io.use(async (socket, next) => {
    try {
      const origins = options.origins ?? { allowedOrigins: [], trustProxy: false };
      const crossSite = handshakeOriginProblem(socket.request, origins);
      if (crossSite) return next(new Error(`forbidden: ${crossSite}`));
      const user = await userFromCookieHeader(db, socket.request.headers.cookie);
      if (!user) return next(new Error("unauthenticated: log in first"));
      if (!mayWatchPatients(user)) return next(new Error("forbidden: this role receives no patient data"));
      (socket.data as SocketData).user = user;
      (socket.data as SocketData).loginTokenHash = hashToken(
        readSessionToken(socket.request.headers.cookie) ?? "",
      );
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  // Every payload is checked against shared/schemas/socket-payloads.ts; a join without an ack cannot
  // be answered and is ignored, a bad one is answered { ok: false, error } and joins nothing.
  io.on("connection", (socket) => {
    const user = (socket.data as SocketData).user;
    void socket.join(loginRoom((socket.data as SocketData).loginTokenHash));
    if (user.role === "physician") void socket.join(rooms.physicians);
    socket.on("station:join", (...args: unknown[]) => {
      const checked = validEventArgs("station:join", args);
      if (!checked.ack) return;
      if ("problem" in checked) return checked.ack({ ok: false, error: checked.problem });
      if (!mayWatchPatients(user)) return checked.ack({ ok: false, error: "forbidden for this role" });
      void socket.join(rooms.station);
      checked.ack({ ok: true });
    });
    socket.on("station:leave", () => {
      void socket.leave(rooms.station);
    });
    socket.on("session:join", async (...args: unknown[]) => {
      const checked = validEventArgs("session:join", args);
      if (!checked.ack) return;
      if ("problem" in checked) return checked.ack({ ok: false, error: checked.problem });
      if (!mayWatchPatients(user)) return checked.ack({ ok: false, error: "forbidden for this role" });
      const sessionId = checked.payload[0] as string;
      const session = await findSession(db, sessionId).catch(() => null);
      if (!session) return checked.ack({ ok: false, error: "session not found" });
      await socket.join(rooms.session(sessionId));
      checked.ack({ ok: true });
    });
    socket.on("session:leave", (...args: unknown[]) => {
      const checked = validEventArgs("session:leave", args);
      if ("payload" in checked) void socket.leave(rooms.session(checked.payload[0] as string));
    });
  });

  return io;
}
