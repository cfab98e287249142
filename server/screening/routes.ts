import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findSession } from "../sessions/repo.ts";
import { recordClearance, recordScreening } from "./service.ts";
import { preInfusionStatus } from "./status.ts";

export function screeningRoutes(ctx: AppContext): Router {
  const router = Router();

  mount(router, endpoints.getPreInfusion, async ({ params }) => {
    const session = await findSession(ctx.db, params.id);
    if (!session) throw notFound("Session");
    return preInfusionStatus(ctx.db, session);
  });

  mount(router, endpoints.recordScreening, async ({ params, body, user }) =>
    recordScreening(ctx, user, params.id, body),
  );

  mount(router, endpoints.recordClearance, async ({ params, body, user }) =>
    recordClearance(ctx, user, params.id, body),
  );

  return router;
}
