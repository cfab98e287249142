import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findSession } from "../sessions/repo.ts";
import { verifyChain } from "./log.ts";
import { sessionAuditRows } from "./stored-rows.ts";

export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.getSessionAudit, async ({ params }) => {
    if (!(await findSession(ctx.db, params.id))) throw notFound("Session");
    const rows = await sessionAuditRows(ctx.db, params.id);
    return rows.map(({ seq, at, actorId, actorName, action, entity, entityId, before, after }) => ({
      seq,
      at,
      actorId,
      actorName,
      action,
      entity,
      entityId,
      before,
      after,
    }));
  });
  mount(router, endpoints.verifyAudit, async () => verifyChain(ctx.db));
  return router;
}
