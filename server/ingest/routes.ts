import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { ingestVitals } from "./service.ts";

/** Device ingest (API key, role device): readings addressed by chair, through recordVitals. */
export function ingestRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.ingestVitals, async ({ params, body, user, setStatus }) => {
    const result = await ingestVitals(ctx, user, params.chair, body);
    if (!result.created) setStatus(200);
    return result;
  });
  return router;
}
