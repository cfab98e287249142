import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { buildDetail } from "../sessions/views.ts";
import { sessionBundle } from "./bundle.ts";

export function fhirRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.exportSessionFhir, async ({ params, res }) => {
    res.type("application/fhir+json");
    return sessionBundle(await buildDetail(ctx.db, params.id), ctx.now().toISOString());
  });
  return router;
}
