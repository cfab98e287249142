import type http from "node:http";
import type { Kysely } from "kysely";
import { Server } from "socket.io";
import { rooms } from "../../shared/events.ts";
import { idSchema } from "../../shared/schemas/common.ts";
import type { User } from "../../shared/schemas/user.ts";
import { userFromCookieHeader } from "../auth/middleware.ts";
import type { Database } from "../db/schema.ts";
import { findSession } from "../sessions/repo.ts";
import type { VigilIo } from "./publisher.ts";

interface SocketData {
  user: User;
}

/**
 * Socket.IO on the same HTTP server, authenticated with the same session cookie as REST.
 * One room per infusion session plus the central-station room.
 */
export function createSocketServer(httpServer: http.Server, db: Kysely<Database>): VigilIo {
  const io: VigilIo = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 100_000 });

  io.use(async (socket, next) => {
    try {
      const user = await userFromCookieHeader(db, socket.request.headers.cookie);
      if (!user) return next(new Error("unauthenticated: log in first"));
      (socket.data as SocketData).user = user;
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  io.on("connection", (socket) => {
    if ((socket.data as SocketData).user.role === "physician") void socket.join(rooms.physicians);
    socket.on("station:join", (ack) => {
      if (typeof ack !== "function") return;
      void socket.join(rooms.station);
      ack({ ok: true });
    });
    socket.on("station:leave", () => {
      void socket.leave(rooms.station);
    });
    socket.on("session:join", async (sessionId, ack) => {
      if (typeof ack !== "function") return;
      const parsed = idSchema.safeParse(sessionId);
      if (!parsed.success) return ack({ ok: false, error: "sessionId must be a UUID" });
      const session = await findSession(db, parsed.data).catch(() => null);
      if (!session) return ack({ ok: false, error: "session not found" });
      await socket.join(rooms.session(parsed.data));
      ack({ ok: true });
    });
    socket.on("session:leave", (sessionId) => {
      if (typeof sessionId === "string") void socket.leave(rooms.session(sessionId));
    });
  });

  return io;
}
