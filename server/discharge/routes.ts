import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findSession } from "../sessions/repo.ts";
import { currentChecklist, listChecklistVersions } from "./checklist-repo.ts";
import { loadDischargeReadiness } from "./readiness.ts";
import { addAddendum, updateChecklist } from "./record-service.ts";
import { findDischarge } from "./repo.ts";
import { signDischarge } from "./service.ts";

export function dischargeRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.signDischarge, async ({ params, body, user }) =>
    signDischarge(ctx, user, params.id, body),
  );
  mount(router, endpoints.getDischargeReadiness, async ({ params }) => {
    const session = await findSession(ctx.db, params.id);
    if (!session) throw notFound("Session");
    // once signed, the readiness is the one stored with the signature
    const signed = (await findDischarge(ctx.db, session.id))?.readiness;
    return signed ?? loadDischargeReadiness(ctx.db, session, ctx.now());
  });
  mount(router, endpoints.getDischargeChecklist, async ({ params }) => {
    if (!(await findSession(ctx.db, params.id))) throw notFound("Session");
    const [current, history] = await Promise.all([
      currentChecklist(ctx.db, params.id),
      listChecklistVersions(ctx.db, params.id),
    ]);
    return { current, history };
  });
  mount(router, endpoints.updateDischargeChecklist, async ({ params, body, user }) =>
    updateChecklist(ctx, user, params.id, body.items),
  );
  mount(router, endpoints.addAddendum, async ({ params, body, user }) =>
    addAddendum(ctx, user, params.id, body.text),
  );
  return router;
}
