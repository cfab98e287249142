import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { listSessions } from "./repo.ts";
import { changePhase, createSession } from "./service.ts";
import { buildDetail, buildSummaries } from "./views.ts";

export function sessionRoutes(ctx: AppContext): Router {
  const router = Router();

  mount(router, endpoints.listSessions, async ({ query }) => {
    const sessions = await listSessions(ctx.db, {
      activeOnly: query.status === "active",
      patientId: query.patientId,
    });
    return buildSummaries(ctx.db, sessions);
  });

  mount(router, endpoints.createSession, async ({ body, user }) => createSession(ctx, user, body));

  mount(router, endpoints.getSession, async ({ params }) => buildDetail(ctx.db, params.id, ctx.now()));

  mount(router, endpoints.changePhase, async ({ params, body, user }) =>
    changePhase(ctx, user, params.id, body.to),
  );

  return router;
}
