import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { mount } from "../http/route.ts";
import { acknowledgeAlert } from "./service.ts";

export function alertRoutes(ctx: AppContext): Router {
  const router = Router();
  mount(router, endpoints.acknowledgeAlert, async ({ params, body, user }) =>
    acknowledgeAlert(ctx, user, params.id, body.note),
  );
  return router;
}
