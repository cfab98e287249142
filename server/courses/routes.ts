import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findSession } from "../sessions/repo.ts";
import { sessionCourse } from "./repo.ts";
import { getPatientCourse, recordOutcome, startCourse } from "./service.ts";

export function courseRoutes(ctx: AppContext): Router {
  const router = Router();

  mount(router, endpoints.getPatientCourse, async ({ params }) => getPatientCourse(ctx, params.id));

  mount(router, endpoints.startCourse, async ({ params, body, user }) =>
    startCourse(ctx, user, params.id, body),
  );

  mount(router, endpoints.getSessionCourse, async ({ params }) => {
    if (!(await findSession(ctx.db, params.id))) throw notFound("Session");
    return sessionCourse(ctx.db, params.id);
  });

  mount(router, endpoints.recordOutcome, async ({ params, body, user }) =>
    recordOutcome(ctx, user, params.id, body),
  );

  return router;
}
