import http from "node:http";
import express from "express";
import type { Kysely } from "kysely";
import { endpoints } from "../shared/api/endpoints.ts";
import { profileRoutes } from "./alerts/profile-routes.ts";
import { alertRoutes } from "./alerts/routes.ts";
import { apiKeyRoutes } from "./api-keys/routes.ts";
import type { AppContext } from "./app-context.ts";
import { auditRoutes } from "./audit/routes.ts";
import { startAuditSealer } from "./audit/sealer.ts";
import { apiKeyMiddleware } from "./auth/api-key-middleware.ts";
import { sessionMiddleware } from "./auth/middleware.ts";
import { authRoutes } from "./auth/routes.ts";
import type { Config } from "./config.ts";
import type { DatabaseKind } from "./db/database.ts";
import { databaseAnswers } from "./db/probe.ts";
import type { Database } from "./db/schema.ts";
import { dischargeRoutes } from "./discharge/routes.ts";
import { fhirRoutes } from "./fhir/routes.ts";
import { answerClientErrorsAsJson } from "./http/client-error.ts";
import { csrfProtection } from "./http/csrf.ts";
import { errorHandler, HttpError } from "./http/errors.ts";
import { mount } from "./http/route.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { staticClient } from "./http/static-client.ts";
import { ingestRoutes } from "./ingest/routes.ts";
import { attachDeviceIngest } from "./ingest/socket-ingest.ts";
import { logger, setLogLevel } from "./logging/logger.ts";
import { requestLog } from "./logging/request-log.ts";
import { observationRoutes } from "./observations/routes.ts";
import { buildOpenApiDocument } from "./openapi/document.ts";
import { patientRoutes } from "./patients/routes.ts";
import { socketPublisher, type VigilIo } from "./realtime/publisher.ts";
import type { RedisAdapter } from "./realtime/redis-adapter.ts";
import { createSocketServer } from "./realtime/socket-server.ts";
import { type AlertTimers, startAlertTimers } from "./scheduler/alert-timers.ts";
import { sessionRoutes } from "./sessions/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { vitalsRoutes } from "./vitals/routes.ts";

/** How long /api/health waits for the database before answering 503. */
const healthProbeTimeoutMs = 2_000;

export const VERSION = "0.1.0";

export interface VigilServer {
  httpServer: http.Server;
  io: VigilIo;
  ctx: AppContext;
  timers: AlertTimers;
  /** Stops timers and sockets, seals the audit log once more and closes the HTTP server; the caller closes the database. */
  close(): Promise<void>;
}

/** Wires the Express app and Socket.IO onto one HTTP server. Listening and shutdown belong to the caller. */
export function createVigilServer(deps: {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  /** The clock; the screenshot script and clock-driven tests pass their own. */
  now?: () => Date;
  /** How often due alert timers are looked for (tests set it high and call timers.runDue()). */
  timerIntervalMs?: number;
  /** Socket.IO fan-out across nodes; the caller connects it and closes it after close(). */
  redis?: RedisAdapter;
}): VigilServer {
  const app = express();
  const httpServer = http.createServer(app);
  answerClientErrorsAsJson(httpServer);
  const io = createSocketServer(httpServer, deps.db, {
    adapter: deps.redis?.adapter,
    origins: { allowedOrigins: deps.config.allowedOrigins, trustProxy: deps.config.trustProxy },
  });
  const ctx: AppContext = {
    db: deps.db,
    dbKind: deps.dbKind,
    config: deps.config,
    publisher: socketPublisher(io),
    now: deps.now ?? (() => new Date()),
  };
  const startedAt = Date.now();

  app.disable("x-powered-by");
  if (deps.config.trustProxy) app.set("trust proxy", 1);
  setLogLevel(deps.config.logLevel);
  app.use(securityHeaders({ hsts: deps.config.cookieSecure }));
  app.use(
    "/api",
    requestLog(logger),
    csrfProtection(deps.config.allowedOrigins),
    express.json({ limit: "100kb" }),
    sessionMiddleware(deps.db, deps.config),
    apiKeyMiddleware(deps.db),
  );

  const api = express.Router();
  mount(api, endpoints.health, async () => {
    if (!(await databaseAnswers(deps.db, healthProbeTimeoutMs))) {
      throw new HttpError(
        503,
        "unavailable",
        "The database does not answer: this node cannot store anything.",
      );
    }
    return {
      status: "ok" as const,
      version: VERSION,
      database: deps.dbKind,
      demo: deps.config.demo,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      idleLockMinutes: deps.config.idleLockMinutes,
      redis: deps.redis
        ? deps.redis.isConnected()
          ? ("connected" as const)
          : ("disconnected" as const)
        : ("absent" as const),
    };
  });
  const openApi = buildOpenApiDocument(VERSION);
  api.get("/api/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  for (const routes of [
    authRoutes,
    patientRoutes,
    sessionRoutes,
    vitalsRoutes,
    observationRoutes,
    alertRoutes,
    profileRoutes,
    dischargeRoutes,
    apiKeyRoutes,
    ingestRoutes,
    fhirRoutes,
    auditRoutes,
    userRoutes,
  ]) {
    api.use(routes(ctx));
  }
  app.use(api);
  app.use("/api", (req) => {
    throw new HttpError(404, "not_found", `No API route ${req.method} ${req.originalUrl}`);
  });
  app.use(staticClient(deps.config.clientDir));
  app.use(errorHandler);

  attachDeviceIngest(io, ctx);
  const timers = startAlertTimers(ctx, deps.timerIntervalMs);
  const auditSealer = startAuditSealer(deps.db);
  return {
    httpServer,
    io,
    ctx,
    timers,
    async close() {
      timers.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await auditSealer.stop();
    },
  };
}
